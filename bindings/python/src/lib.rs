//! The native module `bcc_image._native`: thin pyo3 wrappers over the `bcc-image`
//! crate and the `bcc-emulator` crate.
//!
//! Signing, validation and HTTP all stay in the core crate. This crate only
//! converts arguments, results and errors, and releases the GIL around blocking
//! calls. The public Python API is re-exported by `python/bcc_image/__init__.py`.

mod client;
mod emulator;
mod errors;
mod logging;
mod options;
mod signing;

use pyo3::prelude::*;

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(module.py())?;

    module.add_class::<client::Client>()?;
    module.add_class::<client::RenameResult>()?;
    module.add_class::<emulator::Emulator>()?;
    module.add_function(wrap_pyfunction!(signing::sign_request, module)?)?;
    module.add_function(wrap_pyfunction!(signing::validate_image_name, module)?)?;
    module.add("DEFAULT_EXPIRATION_SECONDS", bcc_image::sign::DEFAULT_EXPIRATION_SECONDS)?;
    Ok(())
}
