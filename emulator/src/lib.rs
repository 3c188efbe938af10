//! Local emulator of the BCC image API.
