//! `dossier serve` started on a free port for a test, and a plain HTTP/1.1
//! client that sends requests exactly as written, malformed ones included.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use super::Workspace;

/// A running server; stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub address: String,
}

impl Server {
    /// Starts `dossier serve` in the workspace on a free loopback port,
    /// over the index `index` (built from `seeds/` if missing), and waits
    /// until it listens.
    pub fn start(workspace: &Workspace, index: &str) -> Server {
        let mut child = workspace
            .command(&["--index", index, "serve", "--bind", "127.0.0.1:0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dossier serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("dossier serve ended before listening")
                .expect("read stderr");
            if let Some(url) = line.strip_prefix("listening on http://") {
                break url.trim().to_owned();
            }
        };
        // Keep draining stderr so that the server never blocks on it.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, address }
    }

    /// The page's URL for `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Sends `METHOD PATH` and returns the status and body.
    pub fn request(&self, method: &str, path: &str) -> (u16, String) {
        http(&self.address, method, path)
    }

    /// `GET PATH`, with the body parsed as JSON.
    pub fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let (status, body) = self.request("GET", path);
        let json = serde_json::from_str(&body).unwrap_or_else(|e| {
            let shown = &path[..path.len().min(80)];
            panic!("GET {shown}: {status} body is not JSON ({e}): {body}")
        });
        (status, json)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends `METHOD PATH` to `address` exactly as written and returns the
/// status and body: read to its stated length (a server may keep the
/// connection open, as Chromium's does), chunked, or to the end.
pub fn http(address: &str, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let mut status = 0;
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if status == 0 {
            status = line
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        } else if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().ok();
            }
            chunked |= name.eq_ignore_ascii_case("transfer-encoding") && value == "chunked";
        }
    }
    let mut body = Vec::new();
    match length {
        Some(length) => {
            body.resize(length, 0);
            reader.read_exact(&mut body).expect("read the body");
        }
        None => {
            reader.read_to_end(&mut body).expect("read the body");
        }
    }
    let body = String::from_utf8_lossy(&body).into_owned();
    (status, if chunked { dechunk(&body) } else { body })
}

/// The body of a chunked answer.
fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}
