//! The emulated images and the clientToken records that make renames idempotent.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

/// An image as the emulator stores it.
#[derive(Debug, Clone)]
struct ImageRecord {
    name: String,
    renames_applied: u64,
}

/// The body of a rename that was applied under a clientToken.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AppliedRename {
    image_id: String,
    name: String,
}

#[derive(Debug, Default)]
struct Inner {
    images: BTreeMap<String, ImageRecord>,
    /// Keyed by (access key id, clientToken), because tokens of different accounts
    /// never collide on a real server.
    applied_tokens: HashMap<(String, String), AppliedRename>,
}

/// The outcome of a rename that succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameOutcome {
    /// The name changed from `old_name`.
    Applied { old_name: String },
    /// The same clientToken and body were applied before, so nothing changed.
    Replayed,
}

/// Reason for a rejected rename. Nothing changed in any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The clientToken was used before with another image id or name.
    TokenMismatch { image_id: String, name: String },
    /// The new name breaks the image name rule, with the reason.
    InvalidName(String),
    NoSuchImage,
}

/// Images by id, and the renames applied under each clientToken.
#[derive(Debug, Default)]
pub struct ImageStore {
    inner: Mutex<Inner>,
}

impl ImageStore {
    pub fn new(images: &[(String, String)]) -> Self {
        let images = images
            .iter()
            .map(|(id, name)| (id.clone(), ImageRecord { name: name.clone(), renames_applied: 0 }))
            .collect();
        ImageStore {
            inner: Mutex::new(Inner { images, applied_tokens: HashMap::new() }),
        }
    }

    /// Renames an image, at most once per (access key id, clientToken).
    ///
    /// The token check comes first, so a repeat of an applied rename is answered
    /// the same way even when the name or the image has changed since. Only applied
    /// renames are recorded: a rejected request changed nothing, so its client may
    /// reuse the token with a corrected body.
    pub fn rename(
        &self,
        access_key_id: &str,
        client_token: Option<&str>,
        image_id: &str,
        name: &str,
    ) -> Result<RenameOutcome, RenameError> {
        let mut inner = self.lock();

        let token_key = client_token.map(|token| (access_key_id.to_string(), token.to_string()));
        if let Some(previous) = token_key.as_ref().and_then(|key| inner.applied_tokens.get(key)) {
            if previous.image_id == image_id && previous.name == name {
                return Ok(RenameOutcome::Replayed);
            }
            return Err(RenameError::TokenMismatch {
                image_id: previous.image_id.clone(),
                name: previous.name.clone(),
            });
        }

        if let Err(error) = bcc_image::validate_image_name(name) {
            return Err(RenameError::InvalidName(error.message().to_string()));
        }

        let Some(image) = inner.images.get_mut(image_id) else {
            return Err(RenameError::NoSuchImage);
        };
        let old_name = std::mem::replace(&mut image.name, name.to_string());
        image.renames_applied += 1;

        if let Some(key) = token_key {
            let applied = AppliedRename { image_id: image_id.to_string(), name: name.to_string() };
            inner.applied_tokens.insert(key, applied);
        }
        Ok(RenameOutcome::Applied { old_name })
    }

    pub fn image_name(&self, image_id: &str) -> Option<String> {
        self.lock().images.get(image_id).map(|image| image.name.clone())
    }

    /// Returns (id, name, renames applied) for every image, sorted by id.
    pub fn images(&self) -> Vec<(String, String, u64)> {
        self.lock()
            .images
            .iter()
            .map(|(id, image)| (id.clone(), image.name.clone(), image.renames_applied))
            .collect()
    }

    /// Returns how many renames were applied to the image; 0 for an unknown id.
    pub fn renames_applied(&self, image_id: &str) -> u64 {
        self.lock().images.get(image_id).map_or(0, |image| image.renames_applied)
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while the lock was held cannot leave a half-made change, because
        // every change above is a single assignment, so the data stays usable.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> ImageStore {
        ImageStore::new(&[("m-1".to_string(), "old".to_string())])
    }

    #[test]
    fn token_replay_applies_once() {
        let store = store();
        let first = store.rename("ak", Some("t"), "m-1", "new");
        let second = store.rename("ak", Some("t"), "m-1", "new");
        assert_eq!(first, Ok(RenameOutcome::Applied { old_name: "old".to_string() }));
        assert_eq!(second, Ok(RenameOutcome::Replayed));
        assert_eq!(store.renames_applied("m-1"), 1);
    }

    #[test]
    fn token_of_other_key_is_separate() {
        let store = store();
        store.rename("ak1", Some("t"), "m-1", "new").unwrap();
        let other = store.rename("ak2", Some("t"), "m-1", "newer");
        assert_eq!(other, Ok(RenameOutcome::Applied { old_name: "new".to_string() }));
    }

    #[test]
    fn rejected_rename_keeps_token_free() {
        let store = store();
        let rejected = store.rename("ak", Some("t"), "m-1", "9bad");
        assert!(matches!(rejected, Err(RenameError::InvalidName(_))));
        let retried = store.rename("ak", Some("t"), "m-1", "good");
        assert_eq!(retried, Ok(RenameOutcome::Applied { old_name: "old".to_string() }));
    }
}
