//! Headless Chromium driven over the DevTools protocol: just what the page
//! test needs (navigate, run a script, click like a mouse, screenshot).

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};
use tempfile::TempDir;
use tungstenite::{Message, WebSocket};

use super::server::http;

/// The browser to drive: `$CHROMIUM`, else Debian's `chromium`.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    path.is_file().then_some(path)
}

/// A headless browser with one page; closed when dropped.
pub struct Browser {
    child: Child,
    _profile: TempDir,
    page: WebSocket<TcpStream>,
    next_id: u64,
}

impl Browser {
    /// Starts the browser at `path` with a window of `width`×`height`.
    pub fn launch(path: &PathBuf, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().expect("profile folder");
        // The flags the machine notes give for a closed network: no
        // background connections, no first-run, no sandbox as root.
        let mut child = Command::new(path)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                &format!("--window-size={width},{height}"),
                &format!("--user-data-dir={}", profile.path().display()),
                "about:blank",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        // Chromium writes the port it picked to this file once it listens.
        let port_file = profile.path().join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            let written = std::fs::read_to_string(&port_file).unwrap_or_default();
            if let Some(port) = written.lines().next().filter(|p| !p.is_empty()) {
                break port.to_owned();
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("chromium ended before listening: {status}");
            }
            assert!(Instant::now() < deadline, "chromium never listened");
            std::thread::sleep(Duration::from_millis(50));
        };
        let address = format!("127.0.0.1:{port}");
        let targets: Value = serde_json::from_str(&http(&address, "GET", "/json/list").1)
            .expect("target list is JSON");
        let url = targets
            .as_array()
            .and_then(|all| all.iter().find(|t| t["type"] == "page"))
            .and_then(|page| page["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_owned();
        let stream = TcpStream::connect(&address).expect("connect to the page");
        let (page, _) = tungstenite::client(url.as_str(), stream).expect("WebSocket handshake");
        Browser {
            child,
            _profile: profile,
            page,
            next_id: 0,
        }
    }

    /// Calls a DevTools method and returns its result; events in between
    /// are skipped.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let request = json!({ "id": id, "method": method, "params": params });
        self.page
            .send(Message::text(request.to_string()))
            .expect("send to chromium");
        loop {
            let message = self.page.read().expect("read from chromium");
            let Ok(text) = message.to_text() else {
                continue;
            };
            let answer: Value = serde_json::from_str(text).expect("DevTools JSON");
            if answer["id"] == id {
                assert!(answer["error"].is_null(), "{method}: {answer}");
                return answer["result"].clone();
            }
        }
    }

    /// Loads `url`.
    pub fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// The value of a script run in the page (promises awaited).
    pub fn eval(&mut self, script: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": script, "returnByValue": true, "awaitPromise": true }),
        );
        assert!(
            result["exceptionDetails"].is_null(),
            "{script}: {}",
            result["exceptionDetails"]
        );
        result["result"]["value"].clone()
    }

    /// Waits up to 15 s for `condition` (a script) to be true.
    pub fn wait_for(&mut self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        // While a page loads, the condition may not even be computable.
        let script = format!(
            "(() => {{ try {{ return Boolean({condition}); }} catch (e) {{ return false; }} }})()"
        );
        while self.eval(&script) != json!(true) {
            if Instant::now() > deadline {
                let page = self.eval("location.href + '\\n' + document.body.innerText");
                panic!(
                    "timed out waiting for {condition}; the page shows:\n{}",
                    page.as_str().unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the middle of the first element matching `selector` with
    /// the mouse, as a person would: on its first line box, since the
    /// middle of a link that wraps may be beside it.
    pub fn click(&mut self, selector: &str) {
        let script = format!(
            "(() => {{ const e = document.querySelector({}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
            json!(selector)
        );
        let at = self.eval(&script);
        let (x, y) = (at[0].as_f64().expect("x"), at[1].as_f64().expect("y"));
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }

    /// A PNG of the page as shown.
    pub fn screenshot(&mut self) -> Vec<u8> {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("image data"))
            .expect("base64 image")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
