# attest - build, test, fuzz.  See README.md; `make help` lists the targets.
#
# Two build flavours share one set of rules:
#   build/release/   -O2, the binary users run (also ./attest)
#   build/asan/      -O1 with AddressSanitizer + UndefinedBehaviorSanitizer,
#                    what the test suite runs
# Sources are found by wildcard, so a new importer, check or test is a new
# file and nothing else.

CC      ?= cc
FLAVOR  ?= release
BUILD   := build/$(FLAVOR)

PKGS    := yaml-0.1 sqlite3 jansson libcrypto zlib libdeflate xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith \
           -Wno-format-nonliteral
BASE_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
           -Isrc -I$(BUILD)/gen $(WARN) $(PKG_CFLAGS) -MMD -MP -g

ifeq ($(FLAVOR),asan)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
         -fno-sanitize-recover=undefined
  LDOPT := -fsanitize=address,undefined
else
  OPT := -O2
  LDOPT :=
endif

# `make V=1` shows the commands.
ifeq ($(V),1)
  Q :=
else
  Q := @
endif

CFLAGS_ALL := $(BASE_CFLAGS) $(OPT) $(CFLAGS)
LDFLAGS_ALL := $(LDOPT) $(LDFLAGS)
LIBS := $(PKG_LIBS) -lm -lpthread

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -name main.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_data.o
DATA     := $(sort $(shell find data -type f))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)

.PHONY: all help test check check-unit check-e2e check-fuzz-replay fuzz \
        clean demo install-deps bench
all: $(BUILD)/attest attest

help:
	@echo "make                 build build/release/attest (and ./attest)"
	@echo "make check           unit, end-to-end and fuzz-corpus tests (FLAVOR=asan for sanitizers)"
	@echo "make fuzz            run every libFuzzer harness briefly (clang)"
	@echo "scripts/test.sh      the whole suite as CI runs it"
	@echo "scripts/demo.sh      the demo"

attest: $(BUILD)/attest
	@if [ "$(FLAVOR)" = release ]; then ln -sf $(BUILD)/attest attest; fi

$(BUILD)/attest: $(BUILD)/src/main.o $(BUILD)/libattest.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

$(BUILD)/libattest.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

# Built-in data (criteria, HIPAA, control library) compiled into the binary.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 $(WARN) -o $@ $<

$(BUILD)/gen/embedded_data.c: $(BUILD)/tools/embed $(DATA)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@.tmp $(DATA) && mv $@.tmp $@

$(BUILD)/gen/embedded_data.o: $(BUILD)/gen/embedded_data.c
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -c -o $@ $<

# Unit tests: one cmocka binary per tests/unit/test_*.c, linked with the core.
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libattest.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libattest.a $(LDFLAGS_ALL) $(LIBS) -lcmocka

# Fuzz corpus replay: each harness linked with a plain main() that feeds it
# every file of tests/fuzz/corpus/<name>/ (libgit2's approach).
$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay_main.c $(BUILD)/libattest.a
	@mkdir -p $(dir $@)
	@echo "  REPLAY  $@"
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/fuzz -o $@ $< tests/fuzz/replay_main.c $(BUILD)/libattest.a $(LDFLAGS_ALL) $(LIBS)

check: check-unit check-e2e check-fuzz-replay

check-unit: $(UNIT_BIN)
	@scripts/run-unit.sh $(UNIT_BIN)

check-e2e: $(BUILD)/attest
	@ATTEST_BIN=$(abspath $(BUILD)/attest) scripts/run-e2e.sh

check-fuzz-replay: $(REPLAY_BIN)
	@scripts/run-replay.sh $(REPLAY_BIN)

# libFuzzer harnesses (clang only); FUZZ_SECONDS each.
FUZZ_SECONDS ?= 20
fuzz:
	@scripts/run-fuzz.sh $(FUZZ_SECONDS)

demo: all
	scripts/demo.sh

bench: all
	bench/import.sh --quick
	bench/checks.sh --quick
	bench/detect.sh 100 20

clean:
	rm -rf build attest

-include $(shell find build -name '*.d' 2>/dev/null)
