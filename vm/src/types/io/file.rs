//! The OS side of file objects: a process-wide table of open streams, each behind its
//! own lock, with a read-ahead buffer. Python file objects hold only their index in the
//! table (a raw integer, never a heap address), so the collector never sees OS state.
//!
//! Writes go straight to the OS (no write buffer), so nothing is lost if a program
//! never closes a file. Reads go through the read-ahead buffer; before a write, seek or
//! tell the unread part is given back (the file position is moved back over it).
//! The standard streams are entries too: stdout writes go to the interpreter's
//! buffered stdout, stderr writes flush stdout first.
//!
//! Streams whose reads may wait indefinitely (stdin, pipes, terminals) are read in the
//! safe state, lock included, so a thread waiting for input (or for another reader of
//! the same stream) never holds up a collection.
//!
//! What must hold: no Python code runs while a stream's lock is held (the functions here
//! take and return plain Rust data); a closed entry is `None` and its index is never
//! reused while a Python object may still name it (indices only grow).

use parking_lot::Mutex;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;

pub enum Src {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
}

pub struct Stream {
    pub src: Src,
    /// Reads may wait for a long time (stdin, pipes, terminals, sockets): callers take
    /// the stream's lock and read in the safe state (`Vm::blocking`).
    pub may_block: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    eof: bool,
}

type Entry = Arc<Mutex<Stream>>;

static TABLE: Mutex<Vec<Option<Entry>>> = parking_lot::const_mutex(Vec::new());

/// Adds a stream; returns its index.
pub fn register(src: Src) -> i64 {
    let may_block = match &src {
        Src::File(f) => !f.metadata().map(|m| m.is_file()).unwrap_or(false),
        Src::Stdin => true,
        Src::Stdout | Src::Stderr => false,
    };
    let mut t = TABLE.lock();
    t.push(Some(Arc::new(Mutex::new(Stream {
        src,
        may_block,
        rbuf: Vec::new(),
        rpos: 0,
        eof: false,
    }))));
    (t.len() - 1) as i64
}

/// The stream at `idx`, if still open.
pub fn get(idx: i64) -> Option<Entry> {
    let t = TABLE.lock();
    usize::try_from(idx)
        .ok()
        .and_then(|i| t.get(i).cloned().flatten())
}

/// Closes (drops) the stream at `idx`.
pub fn close(idx: i64) {
    let mut t = TABLE.lock();
    if let Some(e) = usize::try_from(idx).ok().and_then(|i| t.get_mut(i)) {
        *e = None;
    }
}

const CHUNK: usize = 64 * 1024;

fn raw_read(src: &mut Src, buf: &mut [u8]) -> std::io::Result<usize> {
    match src {
        Src::File(f) => f.read(buf),
        Src::Stdin => std::io::stdin().lock().read(buf),
        _ => Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "not readable",
        )),
    }
}

impl Stream {
    /// Reads one more chunk into the buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        self.rbuf.resize(old + CHUNK, 0);
        let r = loop {
            match raw_read(&mut self.src, &mut self.rbuf[old..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r,
            }
        };
        match r {
            Ok(n) => {
                self.rbuf.truncate(old + n);
                if n == 0 {
                    self.eof = true;
                }
                Ok(n > 0)
            }
            Err(e) => {
                self.rbuf.truncate(old);
                Err(e)
            }
        }
    }

    fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.rbuf.len() - self.rpos);
        let v = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        v
    }

    /// Everything up to end of file.
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.eof = false;
        while self.fill()? {}
        let n = self.unread().len();
        Ok(self.take(n))
    }

    /// Up to `n` bytes (fewer only at end of file).
    pub fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        self.eof = false;
        while self.unread().len() < n && self.fill()? {}
        Ok(self.take(n))
    }

    /// At least `n` characters of UTF-8 text when available: returns whole characters.
    pub fn read_chars(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        self.eof = false;
        loop {
            let u = self.unread();
            let mut chars = 0;
            let mut end = None;
            for (i, b) in u.iter().enumerate() {
                if b & 0xC0 != 0x80 {
                    if chars == n {
                        end = Some(i);
                        break;
                    }
                    chars += 1;
                }
            }
            if let Some(e) = end {
                return Ok(self.take(e));
            }
            if !self.fill()? {
                let all = self.unread().len();
                return Ok(self.take(all));
            }
        }
    }

    /// One line including its `\n` (at most `limit` bytes when given).
    pub fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        self.eof = false;
        let mut scanned = 0;
        loop {
            let u = self.unread();
            if let Some(p) = u[scanned..].iter().position(|b| *b == b'\n') {
                let n = scanned + p + 1;
                return Ok(self.take(limit.map_or(n, |l| l.min(n))));
            }
            scanned = u.len();
            if let Some(l) = limit {
                if scanned >= l {
                    return Ok(self.take(l));
                }
            }
            if !self.fill()? {
                let all = self.unread().len();
                return Ok(self.take(all));
            }
        }
    }

    /// Gives back the read-ahead: moves the OS position back over the unread bytes.
    fn drop_readahead(&mut self) -> std::io::Result<()> {
        let n = self.unread().len() as i64;
        if n > 0 {
            if let Src::File(f) = &mut self.src {
                f.seek(SeekFrom::Current(-n))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    pub fn write_all(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.drop_readahead()?;
        match &mut self.src {
            Src::File(f) => f.write_all(data),
            Src::Stdout => crate::builtins::stdout().lock().write_all(data),
            Src::Stderr => {
                crate::builtins::flush_stdout();
                std::io::stderr().write_all(data)
            }
            Src::Stdin => Err(std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "not writable",
            )),
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.src {
            Src::File(f) => f.flush(),
            Src::Stdout => crate::builtins::stdout().lock().flush(),
            Src::Stderr => std::io::stderr().flush(),
            Src::Stdin => Ok(()),
        }
    }

    pub fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.drop_readahead()?;
        match &mut self.src {
            Src::File(f) => f.seek(pos),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn tell(&mut self) -> std::io::Result<u64> {
        let n = self.unread().len() as u64;
        match &mut self.src {
            Src::File(f) => Ok(f.stream_position()?.saturating_sub(n)),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn truncate(&mut self, size: Option<u64>) -> std::io::Result<u64> {
        self.drop_readahead()?;
        match &mut self.src {
            Src::File(f) => {
                let size = match size {
                    Some(s) => s,
                    None => f.stream_position()?,
                };
                f.set_len(size)?;
                Ok(size)
            }
            _ => Err(std::io::Error::from_raw_os_error(22)),
        }
    }

    pub fn fileno(&self) -> i64 {
        match &self.src {
            Src::File(f) => {
                #[cfg(unix)]
                {
                    use std::os::fd::AsRawFd;
                    f.as_raw_fd() as i64
                }
                #[cfg(not(unix))]
                {
                    let _ = f;
                    -1
                }
            }
            Src::Stdin => 0,
            Src::Stdout => 1,
            Src::Stderr => 2,
        }
    }

    pub fn isatty(&self) -> bool {
        use std::io::IsTerminal;
        match &self.src {
            Src::File(f) => f.is_terminal(),
            Src::Stdin => std::io::stdin().is_terminal(),
            Src::Stdout => std::io::stdout().is_terminal(),
            Src::Stderr => std::io::stderr().is_terminal(),
        }
    }

    pub fn seekable(&mut self) -> bool {
        match &mut self.src {
            Src::File(f) => f.stream_position().is_ok(),
            _ => false,
        }
    }
}

/// The C library's message for an OS error number (Linux wording).
pub fn strerror(e: &std::io::Error) -> String {
    let msg = match e.raw_os_error() {
        Some(1) => "Operation not permitted",
        Some(2) => "No such file or directory",
        Some(5) => "Input/output error",
        Some(9) => "Bad file descriptor",
        Some(13) => "Permission denied",
        Some(17) => "File exists",
        Some(20) => "Not a directory",
        Some(21) => "Is a directory",
        Some(22) => "Invalid argument",
        Some(24) => "Too many open files",
        Some(28) => "No space left on device",
        Some(29) => "Illegal seek",
        Some(30) => "Read-only file system",
        Some(32) => "Broken pipe",
        Some(36) => "File name too long",
        Some(39) => "Directory not empty",
        _ => {
            let s = e.to_string();
            return match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            };
        }
    };
    msg.to_string()
}
