package software.amazon.awssdk.checksums.internal;

import software.amazon.awssdk.checksums.SdkChecksum;

/**
 * Native image only, never called: a stand-in for the class of this name that AWS SDK 2.41 had and 2.42 renamed
 * {@code ChecksumProvider}. The Quarkus Amazon extensions 3.14.1 (built against SDK 2.41.18) substitute it with a
 * class-literal {@code @TargetClass} ({@code io.quarkiverse.amazon.common.runtime.CrtSubstitutions}); on our SDK,
 * 2.57.8, the missing class stops every native build at its first stage ({@code TypeNotPresentException:
 * software.amazon.awssdk.checksums.internal.CrcChecksumProvider}). With this class present the extension's
 * substitution applies to it and does nothing; the SDK's real {@code ChecksumProvider} keeps its own substitution
 * ({@code com.stockwatch.aws.nativeimage.Target_ChecksumProvider}). It declares exactly the members that substitution
 * aliases, substitutes or deletes. Remove it with the move to an extension release built for SDK 2.42 or later.
 */
public final class CrcChecksumProvider {

    private static final String CRT_MODULE = "software.amazon.awssdk.crt:aws-crt";
    private static final String CRT_CRC64NVME_PATH = "software.amazon.awssdk.crt.checksums.CRC64NVME";

    private CrcChecksumProvider() {
    }

    public static SdkChecksum crc32cImplementation() {
        return ChecksumProvider.crc32cImplementation();
    }

    static SdkChecksum createJavaCrc32C() {
        return null;
    }

    static SdkChecksum createCrtCrc32C() {
        return null;
    }

    static SdkChecksum createSdkBasedCrc32C() {
        return null;
    }

    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new IllegalStateException("Could not load " + CRT_CRC64NVME_PATH + ". Add dependency on '" + CRT_MODULE
                + "' module to enable CRC64NVME feature.");
    }
}
