//! The files on disk: one file per distinct content, named by its SHA-256 under the documents
//! folder (`<map>/<first two hex digits>/<sha256>`). Written to a temporary file, flushed to disk,
//! then renamed into place (and the folder flushed), so a file is either complete or absent.
//! Every read is checked against the checksum.

use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OpslagFout {
    #[error("file system: {0}")]
    Io(#[from] std::io::Error),
    #[error("the file {sha256} is missing from the documents folder")]
    Ontbreekt { sha256: String },
    #[error("the file {verwacht} is damaged: its content has checksum {gevonden}")]
    Beschadigd { verwacht: String, gevonden: String },
    #[error("not a checksum: {0}")]
    OngeldigeSleutel(String),
    #[error("background task failed: {0}")]
    Taak(String),
}

#[derive(Debug, Clone)]
pub struct Bestanden {
    map: PathBuf,
}

/// SHA-256 of `inhoud`, lower-case hex.
pub fn checksum(inhoud: &[u8]) -> String {
    Sha256::digest(inhoud).iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn is_checksum(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Bestanden {
    pub fn new(map: impl Into<PathBuf>) -> Self {
        Self { map: map.into() }
    }

    /// Where the file with this checksum lives.
    pub fn pad(&self, sha256: &str) -> Result<PathBuf, OpslagFout> {
        if !is_checksum(sha256) {
            return Err(OpslagFout::OngeldigeSleutel(sha256.chars().take(80).collect()));
        }
        Ok(self.map.join(&sha256[..2]).join(sha256))
    }

    /// Stores `inhoud` durably and returns its checksum. Storing the same content twice keeps one
    /// file; a damaged file with that name is replaced.
    pub async fn bewaar(&self, inhoud: Vec<u8>) -> Result<String, OpslagFout> {
        let map = self.map.clone();
        let deze = self.clone();
        tokio::task::spawn_blocking(move || {
            let sha256 = checksum(&inhoud);
            let doel = deze.pad(&sha256)?;
            if std::fs::read(&doel).is_ok_and(|bestaand| checksum(&bestaand) == sha256) {
                return Ok(sha256);
            }
            let folder = doel.parent().map_or_else(|| map.clone(), Path::to_path_buf);
            std::fs::create_dir_all(&folder)?;
            let tijdelijk = folder.join(format!(".{sha256}.{:016x}.tmp", rand::random::<u64>()));
            let schrijf = || -> std::io::Result<()> {
                let mut f = std::fs::File::create_new(&tijdelijk)?;
                f.write_all(&inhoud)?;
                f.sync_all()?;
                std::fs::rename(&tijdelijk, &doel)?;
                // The rename itself must survive a crash too.
                std::fs::File::open(&folder)?.sync_all()
            };
            if let Err(e) = schrijf() {
                let _ = std::fs::remove_file(&tijdelijk);
                return Err(e.into());
            }
            Ok(sha256)
        })
        .await
        .map_err(|e| OpslagFout::Taak(e.to_string()))?
    }

    /// Deletes the file with this checksum (retention); `false` when there was none.
    pub async fn verwijder(&self, sha256: &str) -> Result<bool, OpslagFout> {
        let pad = self.pad(sha256)?;
        tokio::task::spawn_blocking(move || match std::fs::remove_file(&pad) {
            Ok(()) => {
                if let Some(folder) = pad.parent() {
                    std::fs::File::open(folder)?.sync_all()?;
                }
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e.into()),
        })
        .await
        .map_err(|e| OpslagFout::Taak(e.to_string()))?
    }

    /// The content stored under `sha256`, after checking that it still has that checksum.
    pub async fn lees(&self, sha256: &str) -> Result<Vec<u8>, OpslagFout> {
        let pad = self.pad(sha256)?;
        let verwacht = sha256.to_string();
        tokio::task::spawn_blocking(move || {
            let inhoud = match std::fs::read(&pad) {
                Ok(i) => i,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(OpslagFout::Ontbreekt { sha256: verwacht });
                }
                Err(e) => return Err(e.into()),
            };
            let gevonden = checksum(&inhoud);
            if gevonden != verwacht {
                return Err(OpslagFout::Beschadigd { verwacht, gevonden });
            }
            Ok(inhoud)
        })
        .await
        .map_err(|e| OpslagFout::Taak(e.to_string()))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tijdelijke_map(naam: &str) -> PathBuf {
        let map = std::env::temp_dir().join(format!("meldpunt-opslag-{naam}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&map);
        map
    }

    #[tokio::test]
    async fn stores_by_checksum_once_and_reads_back_verified() {
        let map = tijdelijke_map("bewaar");
        let b = Bestanden::new(&map);
        let sha = b.bewaar(b"%PDF-1.7 verslag".to_vec()).await.unwrap();
        assert_eq!(sha, checksum(b"%PDF-1.7 verslag"));
        assert_eq!(b.bewaar(b"%PDF-1.7 verslag".to_vec()).await.unwrap(), sha);
        assert_eq!(b.lees(&sha).await.unwrap(), b"%PDF-1.7 verslag");
        let bestanden: Vec<_> = std::fs::read_dir(map.join(&sha[..2])).unwrap().collect();
        assert_eq!(bestanden.len(), 1, "one file, no temporary files left behind");
        let _ = std::fs::remove_dir_all(map);
    }

    #[tokio::test]
    async fn a_damaged_or_missing_file_is_detected() {
        let map = tijdelijke_map("schade");
        let b = Bestanden::new(&map);
        let sha = b.bewaar(b"origineel".to_vec()).await.unwrap();
        std::fs::write(b.pad(&sha).unwrap(), b"gewijzigd").unwrap();
        assert!(matches!(b.lees(&sha).await, Err(OpslagFout::Beschadigd { .. })));
        // Storing the same content again repairs it.
        b.bewaar(b"origineel".to_vec()).await.unwrap();
        assert_eq!(b.lees(&sha).await.unwrap(), b"origineel");
        std::fs::remove_file(b.pad(&sha).unwrap()).unwrap();
        assert!(matches!(b.lees(&sha).await, Err(OpslagFout::Ontbreekt { .. })));
        assert!(matches!(b.lees("../../etc/passwd").await, Err(OpslagFout::OngeldigeSleutel(_))));
        let _ = std::fs::remove_dir_all(map);
    }

    #[tokio::test]
    async fn a_removed_file_is_gone_and_removing_it_again_is_no_error() {
        let map = tijdelijke_map("weg");
        let b = Bestanden::new(&map);
        let sha = b.bewaar(b"weg ermee".to_vec()).await.unwrap();
        assert!(b.verwijder(&sha).await.unwrap());
        assert!(matches!(b.lees(&sha).await, Err(OpslagFout::Ontbreekt { .. })));
        assert!(!b.verwijder(&sha).await.unwrap());
        assert!(matches!(b.verwijder("../x").await, Err(OpslagFout::OngeldigeSleutel(_))));
        let _ = std::fs::remove_dir_all(map);
    }
}
