package com.stockwatch.aws.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * Native image only: the AWS SDK's checksum factory creates CRC32C, CRC64NVME and XXHash checksums with classes of
 * the optional AWS CRT library ({@code software.amazon.awssdk.crt.checksums.*}), which we do not ship (a native
 * library of its own for every platform, and no Stockwatch call needs it). On the JVM the SDK checks whether the CRT
 * is present and falls back (CRC32C: {@code java.util.zip.CRC32C}) or fails with an explanation (CRC64NVME,
 * XXHash). In a native image built with {@code --link-at-build-time}, as Quarkus builds, the absent classes fail the
 * whole build. These substitutions are the SDK's own "CRT absent" branches, so the behaviour is the JVM's without
 * the CRT. (A substitution class may declare no fields of its own: the messages are inline.)
 */
@TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider")
final class Target_ChecksumProvider {

    private Target_ChecksumProvider() {
    }

    /** No CRT: {@code crc32cImplementation()} falls back to the JDK's CRC32C, as on the JVM. */
    @Substitute
    static SdkChecksum createCrtCrc32C() {
        return null;
    }

    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new IllegalStateException("Could not load software.amazon.awssdk.crt.checksums.CRC64NVME. Add"
                + " dependency on 'software.amazon.awssdk.crt:aws-crt' module to enable CRC64NVME feature.");
    }

    @Substitute
    static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
        throw new RuntimeException("Could not load software.amazon.awssdk.crt.checksums.XXHash for algorithm: "
                + algorithm.algorithmId() + ". Add dependency on 'software.amazon.awssdk.crt:aws-crt' module.");
    }
}
