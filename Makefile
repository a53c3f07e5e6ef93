# The usual entry points; each script it calls says what it does.
#   make                 build the tuned, fully static binary (installing zlib, zstd, OpenSSL and SQLite headers first)
#   make demo            check the bundled example project (README's first command)
#   make test            run the whole test suite, after installing what it needs (README's second; CI runs it)
#   make install         install binary, man page and completions under PREFIX (default /usr/local)
#   make dist            write dist/plimsoll-VERSION-linux-ARCH.tar.gz (binary, man page, completions, licences, checksums)
#   make image           build plimsoll's own image (image/Dockerfile, with buildah) as plimsoll-image.tar
#   make bench           run every bench script (side by side with the reference tools)
PREFIX ?= /usr/local

.PHONY: all build demo test install dist image bench clean

all: build

build:
	@bash scripts/install-dependencies.sh build
	@bash scripts/release-build.sh >/dev/null

demo:
	@bash scripts/install-dependencies.sh build
	@bash scripts/demo.sh

test:
	@bash scripts/install-dependencies.sh test
	swift test

install:
	@bash scripts/install-dependencies.sh build
	@bash scripts/install.sh "$(PREFIX)"

dist:
	@bash scripts/install-dependencies.sh build
	@bash scripts/dist.sh

image:
	@bash scripts/install-dependencies.sh build
	@bash scripts/build-image.sh plimsoll-image.tar >/dev/null
	@echo "plimsoll-image.tar (docker load < plimsoll-image.tar)"

bench:
	@for script in bench/*.sh; do [ "$$script" = bench/release-build.sh ] || bash "$$script" || exit $$?; done

clean:
	rm -rf .build .build-static dist plimsoll-image.tar
