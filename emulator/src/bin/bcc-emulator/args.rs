//! Command-line flags of the `bcc-emulator` binary.

use std::net::SocketAddr;
use std::path::PathBuf;

use bcc_emulator::{EmulatorConfig, TlsFiles};

pub const USAGE: &str = "\
Usage: bcc-emulator [--listen ADDR] --credentials AK:SK [--credentials AK:SK ...] [--image ID=NAME ...]
                    [--tls-cert FILE --tls-key FILE]

Runs a local emulator of the BCC image API (PUT /v2/image/rename and
GET /v2/image/{imageId}) that verifies bce-auth-v1 signatures. The first line on
stdout is `listening on http://HOST:PORT` (https with TLS). It serves until SIGINT or SIGTERM.

Options:
  --listen ADDR         address and port to listen on; port 0 picks a free port
                        [default: 127.0.0.1:0]
  --credentials AK:SK   accepted access key id and secret access key, split at the
                        first ':'; repeat for more keys, at least one is required
  --image ID=NAME       an image and its current name, split at the first '=';
                        repeat for more images
  --tls-cert FILE       serve https with this PEM certificate chain; needs --tls-key
  --tls-key FILE        PEM private key of the --tls-cert certificate
  -h, --help            print this help and exit
  -V, --version         print the version and exit

Environment:
  BCC_LOG               log level or env_logger filter for stderr, such as debug
                        [default: info]

Control endpoints (unsigned, on the same port) are under /_emulator/; see the
README of the bcc-emulator crate.";

/// The action that the command line requests.
#[derive(Debug)]
pub enum Command {
    Run(EmulatorConfig),
    Help,
    Version,
}

/// Parses the arguments after the program name. Each flag takes its value as the
/// next argument or after `=`, as in `--listen=127.0.0.1:8080`.
pub fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut config = EmulatorConfig::default();
    let mut tls_cert = None;
    let mut tls_key = None;
    let mut arguments = arguments.into_iter();

    while let Some(argument) = arguments.next() {
        let (flag, inline_value) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.to_string())),
            _ => (argument.clone(), None),
        };

        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--listen" | "--credentials" | "--image" | "--tls-cert" | "--tls-key" => {
                let value = match inline_value {
                    Some(value) => value,
                    None => arguments.next().ok_or_else(|| format!("{flag} needs a value; see --help"))?,
                };
                match flag.as_str() {
                    "--tls-cert" => tls_cert = Some(PathBuf::from(value)),
                    "--tls-key" => tls_key = Some(PathBuf::from(value)),
                    _ => apply_flag(&mut config, &flag, &value)?,
                }
            }
            _ => return Err(format!("unknown argument {argument:?}; see --help for the flags")),
        }
    }

    if config.credentials.is_empty() {
        return Err("no credentials given: pass --credentials AK:SK at least once".to_string());
    }
    config.tls = match (tls_cert, tls_key) {
        (Some(certificate_chain), Some(private_key)) => Some(TlsFiles { certificate_chain, private_key }),
        (None, None) => None,
        (Some(_), None) => return Err("--tls-cert needs --tls-key FILE as well".to_string()),
        (None, Some(_)) => return Err("--tls-key needs --tls-cert FILE as well".to_string()),
    };
    Ok(Command::Run(config))
}

fn apply_flag(config: &mut EmulatorConfig, flag: &str, value: &str) -> Result<(), String> {
    match flag {
        "--listen" => {
            config.listen = value.parse::<SocketAddr>().map_err(|_| {
                format!("invalid --listen value {value:?}: expected IP:PORT, such as 127.0.0.1:0 or [::1]:8080")
            })?;
        }
        "--credentials" => {
            let pair = value.split_once(':').filter(|(ak, sk)| !ak.is_empty() && !sk.is_empty());
            // The value contains a secret key, so the message shows only the access key.
            let Some((access_key_id, secret_access_key)) = pair else {
                let access_key_id = value.split(':').next().unwrap_or_default();
                return Err(format!(
                    "invalid --credentials value starting with {access_key_id:?}: expected AK:SK, \
                     a non-empty access key id and secret access key split by ':'"
                ));
            };
            config.credentials.push((access_key_id.to_string(), secret_access_key.to_string()));
        }
        "--image" => {
            let pair = value.split_once('=').filter(|(id, name)| !id.is_empty() && !name.is_empty());
            let Some((image_id, name)) = pair else {
                return Err(format!(
                    "invalid --image value {value:?}: expected ID=NAME, such as m-1849ef6b=oldName"
                ));
            };
            if config.images.iter().any(|(existing, _)| existing == image_id) {
                return Err(format!("invalid --image value {value:?}: image {image_id:?} is given twice"));
            }
            config.images.push((image_id.to_string(), name.to_string()));
        }
        _ => unreachable!("apply_flag is called only for value flags"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strings(arguments: &[&str]) -> Result<Command, String> {
        parse(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn parse_all_flags() {
        let command = parse_strings(&["--listen=127.0.0.1:9", "--credentials", "ak:s:k", "--image", "m-1=a=b"]);
        let Ok(Command::Run(config)) = command else {
            panic!("expected a run command, got {command:?}");
        };
        assert_eq!(config.listen, "127.0.0.1:9".parse().unwrap());
        assert_eq!(config.credentials, [("ak".to_string(), "s:k".to_string())]);
        assert_eq!(config.images, [("m-1".to_string(), "a=b".to_string())]);
    }

    #[test]
    fn bad_listen_names_flag_and_value() {
        let error = parse_strings(&["--credentials", "a:b", "--listen", "localhost"]).unwrap_err();
        assert!(error.contains("--listen value \"localhost\""), "{error}");
    }

    #[test]
    fn bad_credentials_hide_secret() {
        let error = parse_strings(&["--credentials", "ak"]).unwrap_err();
        assert!(error.contains("expected AK:SK"), "{error}");
        let error = parse_strings(&["--credentials", "ak:"]).unwrap_err();
        assert!(error.contains("\"ak\""), "{error}");
        let error = parse_strings(&["--credentials", ":secretvalue"]).unwrap_err();
        assert!(!error.contains("secretvalue"), "{error}");
    }

    #[test]
    fn missing_credentials_rejected() {
        let error = parse_strings(&["--image", "m-1=a"]).unwrap_err();
        assert!(error.contains("--credentials"), "{error}");
    }

    #[test]
    fn tls_flags_need_each_other() {
        let command = parse_strings(&["--credentials", "a:b", "--tls-cert", "c.pem", "--tls-key=k.pem"]);
        let Ok(Command::Run(config)) = command else {
            panic!("expected a run command, got {command:?}");
        };
        let files = config.tls.expect("TLS files are set");
        assert_eq!(files.certificate_chain, PathBuf::from("c.pem"));
        assert_eq!(files.private_key, PathBuf::from("k.pem"));

        let error = parse_strings(&["--credentials", "a:b", "--tls-cert", "c.pem"]).unwrap_err();
        assert!(error.contains("--tls-cert needs --tls-key"), "{error}");
    }

    #[test]
    fn missing_value_rejected() {
        let error = parse_strings(&["--credentials"]).unwrap_err();
        assert!(error.contains("--credentials needs a value"), "{error}");
    }
}
