// C shim for the Terminal target. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides
// the wide-character API, so ask for it explicitly. Swift 6 rejects C globals and does not
// import function-like or attribute macros: small static inline accessors stand in for them.
#ifndef UNROLL_CNCURSESW_SHIM_H
#define UNROLL_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// --- globals -------------------------------------------------------------------------
static inline WINDOW *unroll_stdscr(void) { return stdscr; }
static inline int unroll_lines(void) { return LINES; }
static inline int unroll_cols(void) { return COLS; }
static inline int unroll_colors(void) { return COLORS; }
static inline int unroll_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *unroll_stdin(void) { return stdin; }
static inline FILE *unroll_stdout(void) { return stdout; }

// --- attributes ----------------------------------------------------------------------
static inline attr_t unroll_a_normal(void) { return A_NORMAL; }
static inline attr_t unroll_a_bold(void) { return A_BOLD; }
static inline attr_t unroll_a_underline(void) { return A_UNDERLINE; }
static inline attr_t unroll_a_reverse(void) { return A_REVERSE; }
static inline attr_t unroll_a_dim(void) { return A_DIM; }

// --- pre-flight ----------------------------------------------------------------------
// 0: ok; 1: setupterm found no such terminal; 2: no terminfo database; 3: the terminal
// cannot address the cursor (no `cup`, e.g. TERM=dumb); 4: hard-copy terminal.
static inline int unroll_check_terminal(const char *term) {
    int error = 0;
    if (setupterm(term, STDOUT_FILENO, &error) != OK) {
        if (error == 1) return 4;
        if (error == -1) return 2;
        return 1;
    }
    char *cup = tigetstr("cup");
    int result = (cup == NULL || cup == (char *)-1) ? 3 : 0;
    TERMINAL *probe = cur_term;
    set_curterm(NULL);
    del_curterm(probe);
    return result;
}

// True when the current LC_CTYPE codeset is UTF-8.
static inline int unroll_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// --- signals ---------------------------------------------------------------------------
// The static state below exists once per Swift object file that uses it: call these
// functions from one Swift file only (Sources/Terminal/Signals.swift).
// SIGINT / SIGTERM only record the signal (async-signal-safe); the run loop sees it through
// unroll_take_stop_signal() and restores the terminal itself. Crash signals call endwin(),
// put the previous action back and return, so the fault happens again and the previous
// handler (Swift's backtracer or the default core dump) runs on a sane terminal.
// State lives in function-local statics: Swift's importer does not emit file-scope
// static variables of a header, but it does emit the functions that own these.
static volatile sig_atomic_t *unroll_stop_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static struct sigaction *unroll_previous_actions(void) {
    static struct sigaction saved[NSIG];
    return saved;
}

static volatile sig_atomic_t *unroll_installed_flag(void) {
    static volatile sig_atomic_t installed = 0;
    return &installed;
}

static void unroll_record_stop(int sig) { *unroll_stop_flag() = sig; }

static inline int unroll_take_stop_signal(void) {
    int sig = *unroll_stop_flag();
    *unroll_stop_flag() = 0;
    return sig;
}

static void unroll_on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    endwin();
    sigaction(sig, &unroll_previous_actions()[sig], NULL);
    if (info == NULL || info->si_code <= 0) raise(sig);  // sent by kill/raise: resend
}

static inline void unroll_install_signal_handlers(void) {
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = unroll_record_stop;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the flag
    sigaction(SIGINT, &stop, &unroll_previous_actions()[SIGINT]);
    sigaction(SIGTERM, &stop, &unroll_previous_actions()[SIGTERM]);

    int crashes[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE};
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_sigaction = unroll_on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_SIGINFO | SA_NODEFER;
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
        sigaction(crashes[i], &crash, &unroll_previous_actions()[crashes[i]]);
    }
    *unroll_installed_flag() = 1;
}

static inline void unroll_restore_signal_handlers(void) {
    if (!*unroll_installed_flag()) return;
    int all[] = {SIGINT, SIGTERM, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE};
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++) {
        sigaction(all[i], &unroll_previous_actions()[all[i]], NULL);
    }
    *unroll_installed_flag() = 0;
}

#endif
