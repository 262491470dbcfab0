package com.stockwatch.aws.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import software.amazon.awssdk.checksums.SdkChecksum;

/**
 * Native image only: the AWS SDK creates its CRC64NVME checksum with {@code new
 * software.amazon.awssdk.crt.checksums.CRC64NVME()} from the optional AWS CRT library, which we do not ship (a native
 * library of its own for every platform, and no Stockwatch call asks for CRC64NVME: S3 and DynamoDB use CRC32 or
 * none). On the JVM that method throws when the CRT is absent; in a native image built with
 * {@code --link-at-build-time} (as Quarkus builds) the unresolvable class fails the whole build. This substitution
 * keeps the JVM behaviour: asking for CRC64NVME fails with the SDK's own explanation.
 */
@TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider")
final class Target_ChecksumProvider {

    private Target_ChecksumProvider() {
    }

    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new IllegalStateException("Could not load software.amazon.awssdk.crt.checksums.CRC64NVME. Add dependency"
                + " on 'software.amazon.awssdk.crt:aws-crt' module to enable CRC64NVME feature.");
    }
}
