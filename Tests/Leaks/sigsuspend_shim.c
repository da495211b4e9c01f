/* Valgrind 3.19 writes to the signal mask passed to rt_sigsuspend; libdispatch passes one in
   read-only memory, which crashes valgrind. This preload copies the mask first. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
