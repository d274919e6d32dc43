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
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
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
//
// While the screen is up, every signal whose default action ends the process (HUP, INT, QUIT,
// PIPE, ALRM, TERM, USR1, USR2, VTALRM, PROF, XCPU, XFSZ, IO, PWR, SYS) restores the terminal
// from the handler itself, with async-signal-safe calls only (write(2) of the escape
// sequences saved at start, tcsetattr(3) of the saved tty modes), says which signal on stderr
// (not for INT, TERM, HUP), and ends the process by that signal (default action, re-raised):
// so a signal ends the program at once, whatever it is doing, on a sane terminal.
// With `unroll_set_stop_immediately(0)`, SIGINT / SIGTERM are only recorded instead, for a run
// loop that reads them with unroll_take_stop_signal().
// Crash signals (ILL, TRAP, SEGV, BUS, FPE) restore the terminal the same way, put the previous
// action back and return, so the fault happens again and the previous handler (Swift's
// backtracer or the default core dump) runs on a sane terminal.
// State lives in function-local statics: Swift's importer does not emit file-scope
// static variables of a header, but it does emit the functions that own these.
static volatile sig_atomic_t *unroll_stop_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static volatile sig_atomic_t *unroll_stop_immediately(void) {
    static volatile sig_atomic_t immediately = 1;
    return &immediately;
}

static struct sigaction *unroll_previous_actions(void) {
    static struct sigaction saved[NSIG];
    return saved;
}

static volatile sig_atomic_t *unroll_installed_flag(void) {
    static volatile sig_atomic_t installed = 0;
    return &installed;
}

// What restores the terminal: the escape sequences to write and the tty modes to set back.
static char *unroll_exit_sequence(void) {
    static char sequence[1024];
    return sequence;
}
static volatile sig_atomic_t *unroll_exit_sequence_length(void) {
    static volatile sig_atomic_t length = 0;
    return &length;
}
static struct termios *unroll_saved_termios(void) {
    static struct termios modes;
    return &modes;
}
static volatile sig_atomic_t *unroll_termios_saved(void) {
    static volatile sig_atomic_t saved = 0;
    return &saved;
}
// 1 while the screen is up (between the end of setup and close): only then is there
// anything to restore.
static volatile sig_atomic_t *unroll_screen_up(void) {
    static volatile sig_atomic_t up = 0;
    return &up;
}

// The terminal's modes before we change them (call before newterm).
static inline void unroll_save_tty_modes(void) {
    *unroll_termios_saved() = tcgetattr(STDIN_FILENO, unroll_saved_termios()) == 0;
}

// The escape sequences that leave the screen (at most 1023 bytes), and whether the screen is up.
static inline void unroll_set_exit_sequence(const char *sequence) {
    size_t n = strlen(sequence);
    if (n > 1023) n = 1023;
    memcpy(unroll_exit_sequence(), sequence, n);
    *unroll_exit_sequence_length() = (sig_atomic_t)n;
}
static inline void unroll_set_screen_up(int up) { *unroll_screen_up() = up; }
static inline void unroll_set_stop_immediately(int on) { *unroll_stop_immediately() = on; }

// Restores the terminal with async-signal-safe calls; does nothing when the screen is not up.
static void unroll_restore_terminal_now(void) {
    if (!*unroll_screen_up()) return;
    *unroll_screen_up() = 0;
    ssize_t ignored = write(STDOUT_FILENO, unroll_exit_sequence(), (size_t)*unroll_exit_sequence_length());
    (void)ignored;
    if (*unroll_termios_saved()) tcsetattr(STDIN_FILENO, TCSANOW, unroll_saved_termios());
}

static void unroll_record_stop(int sig) { *unroll_stop_flag() = sig; }

static inline int unroll_take_stop_signal(void) {
    int sig = *unroll_stop_flag();
    *unroll_stop_flag() = 0;
    return sig;
}

static const char *unroll_signal_note(int sig) {
    switch (sig) {
    case SIGQUIT: return "unroll: quit (SIGQUIT)\n";
    case SIGPIPE: return "unroll: ended by SIGPIPE (the terminal's output was closed)\n";
    case SIGALRM: return "unroll: ended by SIGALRM\n";
    case SIGUSR1: return "unroll: ended by SIGUSR1\n";
    case SIGUSR2: return "unroll: ended by SIGUSR2\n";
    default: return "unroll: ended by a signal\n";
    }
}

static void unroll_on_stop(int sig) {
    if ((sig == SIGINT || sig == SIGTERM) && !*unroll_stop_immediately()) { unroll_record_stop(sig); return; }
    unroll_restore_terminal_now();
    if (sig != SIGINT && sig != SIGTERM && sig != SIGHUP) {
        const char *note = unroll_signal_note(sig);
        ssize_t ignored = write(STDERR_FILENO, note, strlen(note));
        (void)ignored;
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    raise(sig);   // blocked until this handler returns, then ends the process by `sig`
}

static void unroll_on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    unroll_restore_terminal_now();
    sigaction(sig, &unroll_previous_actions()[sig], NULL);
    if (info == NULL || info->si_code <= 0) raise(sig);  // sent by kill/raise: resend
}

// The signals that end the process by default and are not crashes.
static const int *unroll_stop_signals(int *count) {
    static const int all[] = {
        SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
        SIGXCPU, SIGXFSZ, SIGSYS,
#ifdef SIGIO
        SIGIO,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
    };
    *count = (int)(sizeof all / sizeof all[0]);
    return all;
}

// A terminfo string capability, or "" when the terminal has none.
static inline const char *unroll_capability(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? "" : s;
}

static inline void unroll_install_signal_handlers(void) {
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = unroll_on_stop;
    sigfillset(&stop.sa_mask);   // one handler at a time
    stop.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees a recorded signal
    int count = 0;
    const int *stops = unroll_stop_signals(&count);
    for (int i = 0; i < count; i++) {
        struct sigaction *previous = &unroll_previous_actions()[stops[i]];
        sigaction(stops[i], &stop, previous);
        // a signal the caller ignores stays ignored (nohup: SIGHUP), except SIGPIPE, which
        // `unroll` itself ignores to turn closed pipes into write errors
        if (previous->sa_handler == SIG_IGN && stops[i] != SIGPIPE) sigaction(stops[i], previous, NULL);
    }

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
    int crashes[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
        sigaction(crashes[i], &unroll_previous_actions()[crashes[i]], NULL);
    }
    int count = 0;
    const int *stops = unroll_stop_signals(&count);
    for (int i = 0; i < count; i++) sigaction(stops[i], &unroll_previous_actions()[stops[i]], NULL);
    *unroll_installed_flag() = 0;
}

// --- end of input ----------------------------------------------------------------------
// True when standard input has hung up (the terminal was closed) or is at end of file: a
// read would return 0 at once, so waiting for keys would spin.
static inline int unroll_stdin_ended(void) {
    struct pollfd p;
    p.fd = STDIN_FILENO;
    p.events = POLLIN;
    p.revents = 0;
    if (poll(&p, 1, 0) < 0) return 0;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    if (p.revents & POLLIN) {
        int pending = 0;
        if (ioctl(STDIN_FILENO, FIONREAD, &pending) == 0 && pending == 0) return 1;
    }
    return 0;
}

#endif
