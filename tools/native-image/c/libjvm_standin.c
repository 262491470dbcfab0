/*
 * Stand-in libjvm.so for the tools/native-image verification toolchain. The JDK's shared libraries (libjava.so,
 * libnio.so, ...) that a dynamically linked native image loads import JVM_* functions from libjvm.so; a native image
 * is no HotSpot, so this library implements the few that the JDK's native code calls in a native image (and the two
 * that Native Image's own libjvm provides to the image), and build-toolchain.sh generates, for every other JVM_*
 * symbol the JDK libraries import, a function that stops the process with a clear message (jvm_unsupported).
 * Written for this project; the release build links Native Image's static libjvm in the Mandrel container.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <jni.h>

void jvm_unsupported(const char *name) {
  fprintf(stderr, "native image (tools/native-image stand-in libjvm): %s is not supported here\n", name);
  fflush(stderr);
  abort();
}

JNIEXPORT void JNICALL initialize(void) {}

JNIEXPORT int JNICALL JVM_GetInterfaceVersion(void) { return 6; }

JNIEXPORT int JNICALL JVM_ActiveProcessorCount(void) {
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0) return CPU_COUNT(&cpus);
  return (int)sysconf(_SC_NPROCESSORS_ONLN);
}

JNIEXPORT jlong JNICALL JVM_CurrentTimeMillis(JNIEnv *env, jclass ignored) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return (jlong)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

JNIEXPORT jlong JNICALL JVM_NanoTime(JNIEnv *env, jclass ignored) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (jlong)t.tv_sec * 1000000000LL + t.tv_nsec;
}

JNIEXPORT jlong JNICALL JVM_GetNanoTimeAdjustment(JNIEnv *env, jclass ignored, jlong offset_secs) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  int64_t diff = (int64_t)t.tv_sec - offset_secs;
  if (diff >= 0x0100000000LL || diff <= -0x0100000000LL) return -1;
  return diff * 1000000000LL + t.tv_nsec;
}

JNIEXPORT void *JNICALL JVM_FindLibraryEntry(void *handle, const char *name) { return dlsym(handle, name); }

JNIEXPORT void JNICALL JVM_Halt(jint code) { exit(code); }

JNIEXPORT void JNICALL JVM_BeforeHalt(void) {}

JNIEXPORT jstring JNICALL JVM_GetTemporaryDirectory(JNIEnv *env) { return (*env)->NewStringUTF(env, "/tmp"); }

JNIEXPORT jboolean JNICALL JVM_IsContainerized(void) { return JNI_FALSE; }

JNIEXPORT jboolean JNICALL JVM_IsUseContainerSupport(void) { return JNI_FALSE; }

JNIEXPORT void JNICALL JVM_ArrayCopy(JNIEnv *env, jclass ignored, jobject src, jint src_pos, jobject dst, jint dst_pos,
                                     jint length) {
  jclass system = (*env)->FindClass(env, "java/lang/System");
  jmethodID copy = system == NULL ? NULL
                                  : (*env)->GetStaticMethodID(env, system, "arraycopy",
                                                              "(Ljava/lang/Object;ILjava/lang/Object;II)V");
  if (copy == NULL) (*env)->FatalError(env, "JVM_ArrayCopy: System.arraycopy not found");
  (*env)->CallStaticVoidMethod(env, system, copy, src, src_pos, dst, dst_pos, length);
}

JNIEXPORT int jio_vfprintf(FILE *f, const char *fmt, va_list args) { return vfprintf(f, fmt, args); }

JNIEXPORT int jio_vsnprintf(char *str, size_t count, const char *fmt, va_list args) {
  if ((intptr_t)count <= 0) return -1;
  int result = vsnprintf(str, count, fmt, args);
  if (result < 0 || (size_t)result >= count) {
    str[count - 1] = '\0';
    return -1;
  }
  return result;
}
