# Build and install unroll (see README, "Installing"):
#   make install PREFIX=$HOME/.local     # or /usr/local (the default), /opt/unroll, …
# puts the binary in PREFIX/bin, the lessons in PREFIX/share/unroll/lessons (with 12-untrained/, the
# training sources that 12a-12c's notes reproduce them from; where the installed
# binary finds them by itself) and shell completions for bash, zsh and fish under PREFIX/share.
# DESTDIR is prepended to every installed path (for packaging). `make uninstall` removes them.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# a release build with the Swift runtime linked in, so the binary runs without the toolchain: the
# README's first command, flag for flag (SwiftPM recompiles every module when the flags change, so
# `make install` after that command reuses its build; Tests/Install/run.sh checks they agree)
CONFIG ?= release
SWIFTFLAGS ?= --static-swift-stdlib

BINDIR := $(DESTDIR)$(PREFIX)/bin
LESSONDIR := $(DESTDIR)$(PREFIX)/share/unroll/lessons
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: build install uninstall

build:
	$(SWIFT) build -c $(CONFIG) $(SWIFTFLAGS) --product unroll

install: build
	@bin="$$($(SWIFT) build -c $(CONFIG) $(SWIFTFLAGS) --show-bin-path)/unroll"; \
	set -e; \
	install -d "$(BINDIR)" "$(LESSONDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"; \
	install -m 755 "$$bin" "$(BINDIR)/unroll"; \
	install -m 644 lessons/*.yaml lessons/*.txt lessons/README.md "$(LESSONDIR)/"; \
	install -d "$(LESSONDIR)/12-untrained"; \
	install -m 644 lessons/12-untrained/*.yaml "$(LESSONDIR)/12-untrained/"; \
	"$$bin" --generate-completion-script bash > "$(BASHDIR)/unroll"; \
	"$$bin" --generate-completion-script zsh > "$(ZSHDIR)/_unroll"; \
	"$$bin" --generate-completion-script fish > "$(FISHDIR)/unroll.fish"; \
	echo "installed $(BINDIR)/unroll and $(LESSONDIR)"

uninstall:
	rm -f "$(BINDIR)/unroll" "$(BASHDIR)/unroll" "$(ZSHDIR)/_unroll" "$(FISHDIR)/unroll.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/unroll"
