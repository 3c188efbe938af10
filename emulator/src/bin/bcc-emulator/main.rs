//! `bcc-emulator`: runs the BCC image API emulator until SIGINT or SIGTERM.

mod args;

use std::io::Write;
use std::process::ExitCode;

use bcc_emulator::Emulator;

use args::Command;

/// Environment variable with the log level or env_logger filter.
const LOG_ENV: &str = "BCC_LOG";

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::new().filter_or(LOG_ENV, "info")).init();

    let config = match args::parse(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            println!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("bcc-emulator {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("bcc-emulator: {message}");
            return ExitCode::from(2);
        }
    };

    if !config.listen.ip().is_loopback() {
        log::warn!(
            "listening on non-loopback address {}: the unsigned /_emulator/ endpoints are reachable from the network",
            config.listen
        );
    }

    let stop_signals = match StopSignals::install() {
        Ok(stop_signals) => stop_signals,
        Err(error) => {
            eprintln!("bcc-emulator: installing the SIGINT and SIGTERM handlers failed: {error}");
            return ExitCode::FAILURE;
        }
    };

    let listen = config.listen;
    let emulator = match Emulator::start(config) {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("bcc-emulator: starting on {listen} failed: {error}");
            return ExitCode::FAILURE;
        }
    };

    // Scripts wait for this exact first line to learn the port.
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "listening on {}", emulator.endpoint()).and_then(|()| stdout.flush()).is_err() {
        log::error!("writing the listening line to stdout failed; stopping");
        return ExitCode::FAILURE;
    }
    drop(stdout);

    match stop_signals.wait() {
        Ok(signal) => log::info!("received {signal}; stopping"),
        Err(error) => log::error!("waiting for a stop signal failed: {error}; stopping"),
    }
    emulator.stop();
    ExitCode::SUCCESS
}

/// Handlers for the signals that stop the emulator, installed before the
/// listening line is printed so that a signal sent right after it is not lost.
struct StopSignals {
    runtime: tokio::runtime::Runtime,
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl StopSignals {
    fn install() -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let _context = runtime.enter();
            let interrupt = signal(SignalKind::interrupt())?;
            let terminate = signal(SignalKind::terminate())?;
            Ok(StopSignals { runtime, interrupt, terminate })
        }
        #[cfg(not(unix))]
        Ok(StopSignals { runtime })
    }

    /// Blocks until SIGINT or SIGTERM (Ctrl-C only, off Unix) and returns its name.
    fn wait(mut self) -> std::io::Result<&'static str> {
        #[cfg(unix)]
        {
            let (interrupt, terminate) = (&mut self.interrupt, &mut self.terminate);
            self.runtime.block_on(async {
                tokio::select! {
                    _ = interrupt.recv() => Ok("SIGINT"),
                    _ = terminate.recv() => Ok("SIGTERM"),
                }
            })
        }
        #[cfg(not(unix))]
        {
            self.runtime.block_on(tokio::signal::ctrl_c()).map(|()| "Ctrl-C")
        }
    }
}
