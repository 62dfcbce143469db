# Sourced before a release build for the browser (tools/build-release.sh,
# tools/leptos-floor.sh): the standard library is rebuilt for size instead of
# the prebuilt one (optimised for speed, with every panic's file and line).
# At ac4ef03 that took 14.7 KB gzip off the widget's wasm (310,671 →
# 295,923 bytes) and 4.4 KB off the policy module, with no change a reader
# can see: a panic still shows the crash notice and logs its message, only
# without the file and line (`-Zlocation-detail=none`). Alternating loads of
# the two builds (1,000 and 10,000 comments) differed by less than this
# machine's noise, either way.
#
# `-Zbuild-std` is a Cargo feature still marked unstable; RUSTC_BOOTSTRAP
# lets the stable toolchain use it, and rust-src (scripts/setup.sh) gives the
# sources. Only cargo runs given `--target wasm32-unknown-unknown` may see
# these variables (build-std needs a target). Should a toolchain ever refuse
# them, a plain `trunk build --release` still builds the same widget, bigger.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# RUSTFLAGS replaces the wasm target's rustflags in .cargo/config.toml, so
# `erase_components` is repeated here. Legacy symbol names, as on stable:
# the unstable default (v0) makes the wasm's export names longer.
export RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zunstable-options -Csymbol-mangling-version=legacy"
