//! Packing a node's Python source into the runtime module.
//!
//! Placeholder: the real packer replaces this file.

use std::fmt;

/// Packing failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PackError {
    /// The packer is not written yet.
    NotImplemented,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotImplemented => f.write_str("not implemented yet"),
        }
    }
}

impl std::error::Error for PackError {}

/// Packs `source` (the contents of `file_name`) into a copy of `runtime`,
/// giving a node module.
///
/// # Errors
///
/// Always [`PackError::NotImplemented`] in this placeholder.
pub fn pack(runtime: &[u8], source: &str, file_name: &str) -> Result<Vec<u8>, PackError> {
    let _ = (runtime, source, file_name);
    Err(PackError::NotImplemented)
}
