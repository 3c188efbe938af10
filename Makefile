# Builds the C library with Cargo and installs it for C and C++ users:
# the shared library with a versioned soname, the static library, the C header,
# the C++ wrapper, a pkg-config file and a CMake package.
#
#   make                              build into $(CARGO_TARGET_DIR)/release
#   make install PREFIX=/opt/bcc      install (DESTDIR is honoured for staging)
#   make uninstall PREFIX=/opt/bcc    remove what install put there

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR ?= $(LIBDIR)/cmake/bcc_image
DESTDIR ?=

CARGO ?= cargo
INSTALL ?= install
CARGO_TARGET_DIR ?= target
export CARGO_TARGET_DIR
RELEASE_DIR := $(CARGO_TARGET_DIR)/release

# The version comes from the first `version = "…"` line of Cargo.toml, which is
# the [package] version.
VERSION := $(shell sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)
VERSION_PARTS := $(subst ., ,$(VERSION))
MAJOR := $(word 1,$(VERSION_PARTS))
MINOR := $(word 2,$(VERSION_PARTS))

# Cargo treats 0.x minor releases as breaking, so before 1.0 the soname carries
# the minor version too (libbcc_image.so.0.1); from 1.0 on, only the major.
ifeq ($(MAJOR),0)
ABI_VERSION := $(MAJOR).$(MINOR)
else
ABI_VERSION := $(MAJOR)
endif
SONAME := libbcc_image.so.$(ABI_VERSION)
REAL_NAME := libbcc_image.so.$(VERSION)

# The cdylib and the staticlib come from one rustc run. The soname is a linker
# argument of the cdylib only, and rustc prints the system libraries that the
# static library needs, which go into the pkg-config and CMake files.
NATIVE_LIBS_FILE := $(RELEASE_DIR)/bcc_image.native-static-libs
RUSTC_LOG := $(RELEASE_DIR)/bcc_image.rustc.log

.PHONY: all build install uninstall
all: build

build:
	mkdir -p $(RELEASE_DIR)
	$(CARGO) rustc --release --lib --crate-type cdylib --crate-type staticlib \
		-- -C link-arg=-Wl,-soname,$(SONAME) --print native-static-libs 2> $(RUSTC_LOG) \
		|| { cat $(RUSTC_LOG) >&2; exit 1; }
	sed -n 's/^note: native-static-libs: //p' $(RUSTC_LOG) | tail -n 1 > $(NATIVE_LIBS_FILE)
	@test -s $(NATIVE_LIBS_FILE) || { echo "rustc printed no native-static-libs line; see $(RUSTC_LOG)" >&2; exit 1; }

# Substitutes the install paths and versions into a template.
define render
	sed -e 's|@PREFIX@|$(PREFIX)|g' \
	    -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	    -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@MAJOR@|$(MAJOR)|g' \
	    -e 's|@MINOR@|$(MINOR)|g' \
	    -e 's|@SONAME@|$(SONAME)|g' \
	    -e 's|@REAL_NAME@|$(REAL_NAME)|g' \
	    -e "s|@NATIVE_STATIC_LIBS@|$$(cat $(NATIVE_LIBS_FILE))|g" \
	    $(1) > $(2)
endef

install: build
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(CMAKEDIR)
	$(INSTALL) -m 755 $(RELEASE_DIR)/libbcc_image.so $(DESTDIR)$(LIBDIR)/$(REAL_NAME)
	ln -sf $(REAL_NAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libbcc_image.so
	$(INSTALL) -m 644 $(RELEASE_DIR)/libbcc_image.a $(DESTDIR)$(LIBDIR)/libbcc_image.a
	$(INSTALL) -m 644 include/bcc_image.h $(DESTDIR)$(INCLUDEDIR)/bcc_image.h
	$(INSTALL) -m 644 bindings/cpp/bcc_image.hpp $(DESTDIR)$(INCLUDEDIR)/bcc_image.hpp
	$(call render,pkgconfig/bcc_image.pc.in,$(DESTDIR)$(PKGCONFIGDIR)/bcc_image.pc)
	$(call render,cmake/bcc_imageConfig.cmake.in,$(DESTDIR)$(CMAKEDIR)/bcc_imageConfig.cmake)
	$(call render,cmake/bcc_imageConfigVersion.cmake.in,$(DESTDIR)$(CMAKEDIR)/bcc_imageConfigVersion.cmake)

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(REAL_NAME) $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libbcc_image.so
	rm -f $(DESTDIR)$(LIBDIR)/libbcc_image.a
	rm -f $(DESTDIR)$(INCLUDEDIR)/bcc_image.h $(DESTDIR)$(INCLUDEDIR)/bcc_image.hpp
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/bcc_image.pc
	rm -f $(DESTDIR)$(CMAKEDIR)/bcc_imageConfig.cmake $(DESTDIR)$(CMAKEDIR)/bcc_imageConfigVersion.cmake
	-rmdir $(DESTDIR)$(CMAKEDIR)
