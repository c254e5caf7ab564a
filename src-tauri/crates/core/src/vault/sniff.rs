//! What a file really is, from its bytes rather than its name.

use crate::rules::FileType;

/// How many leading bytes are kept for recognising the type and reading image dimensions.
/// JPEG puts its size after the EXIF block, which can hold a large thumbnail.
pub const HEAD_BYTES: usize = 256 * 1024;

/// The type `head` (a file's first bytes) shows, or a description of what it is instead.
pub fn file_type(head: &[u8]) -> Result<FileType, String> {
    match infer::get(head) {
        Some(kind) => match kind.mime_type() {
            "application/pdf" => Ok(FileType::Pdf),
            "image/jpeg" => Ok(FileType::Jpeg),
            "image/png" => Ok(FileType::Png),
            other => Err(format!("its content is {other}")),
        },
        None if std::str::from_utf8(head).is_ok() => Err("its content is plain text".into()),
        None => Err("its content is not a known document type".into()),
    }
}

/// The type a file name's extension claims, if it names one of ours.
pub fn claimed_type(name: &str) -> Option<Result<FileType, String>> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => Ok(FileType::Pdf),
        "jpg" | "jpeg" | "jfif" => Ok(FileType::Jpeg),
        "png" => Ok(FileType::Png),
        _ => Err(ext),
    })
}

/// Pixel width and height of an image from its first bytes.
pub fn dimensions(head: &[u8]) -> Option<(u32, u32)> {
    let size = imagesize::blob_size(head)
        .ok()
        .filter(|s| s.width > 0 && s.height > 0)?;
    Some((
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    ))
}

/// The name to show for a file the user added: the last path component, without control
/// or bidirectional-override characters, at most 120 characters. Never used as a path.
pub fn display_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .take(120)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        "document".to_owned()
    } else {
        clean.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_bytes() {
        assert_eq!(file_type(b"%PDF-1.7\n%..."), Ok(FileType::Pdf));
        assert_eq!(
            file_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Ok(FileType::Png)
        );
        assert_eq!(
            file_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Ok(FileType::Jpeg)
        );
        assert!(
            file_type(b"PK\x03\x04\x14\0\0\0").is_err(),
            "a zip is not a document"
        );
        assert_eq!(
            file_type(b"hello").expect_err("text"),
            "its content is plain text"
        );
    }

    #[test]
    fn names_are_made_safe_to_show() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\a\\cnic.jpg"), "cnic.jpg");
        assert_eq!(display_name("evil\u{202E}gpj.exe"), "evilgpj.exe");
        assert_eq!(display_name(".."), "document");
        assert_eq!(display_name("شناختی کارڈ.png"), "شناختی کارڈ.png");
        assert_eq!(display_name(&"a".repeat(500)).chars().count(), 120);
    }

    #[test]
    fn extensions_claim_types() {
        assert_eq!(claimed_type("x.PDF"), Some(Ok(FileType::Pdf)));
        assert_eq!(claimed_type("x.jpeg"), Some(Ok(FileType::Jpeg)));
        assert_eq!(claimed_type("x.docx"), Some(Err("docx".into())));
        assert_eq!(claimed_type("noext"), None);
    }
}
