//! A real SMTP server on loopback that keeps every mail it receives: the
//! server under test delivers to it through lettre, as it would to a real
//! mail server, and a test reads what arrived.
//!
//! It speaks just enough SMTP for lettre without TLS: EHLO/HELO, MAIL FROM,
//! RCPT TO, DATA (with dot-unstuffing), RSET, NOOP and QUIT. While it is
//! "down" ([`SmtpSink::set_down`]) it answers every connection with `421`
//! and hangs up, as a mail server that is not available does.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// How long [`SmtpSink::mails_to`] waits for a first mail.
const WAIT: Duration = Duration::from_secs(5);

/// A running sink; it stops with the test's runtime.
#[derive(Clone)]
pub struct SmtpSink {
    port: u16,
    state: Arc<State>,
}

#[derive(Default)]
struct State {
    received: Mutex<Vec<Received>>,
    down: AtomicBool,
    refused: AtomicUsize,
}

/// One message as the sink got it.
struct Received {
    /// The envelope's recipients (`RCPT TO`), in lower case.
    recipients: Vec<String>,
    data: Vec<u8>,
}

/// A received mail as one recipient got it, decoded.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The envelope recipient.
    pub to: String,
    /// The `To` header.
    pub to_header: String,
    pub from: String,
    pub subject: String,
    /// The plain-text body, with `\n` line ends and no trailing line end.
    pub text: String,
    /// The raw message, headers and all.
    pub raw: String,
}

impl SmtpSink {
    /// Starts a sink on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMTP sink");
        let port = listener.local_addr().expect("a local address").port();
        let state = Arc::new(State::default());
        let accepting = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = accepting.clone();
                tokio::spawn(async move {
                    // A client that hangs up early is not the test's concern.
                    let _ = serve(stream, &state).await;
                });
            }
        });
        Self { port, state }
    }

    /// `VW_SMTP_URL` for this sink.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    /// While down, every connection is answered with `421` and closed.
    pub fn set_down(&self, down: bool) {
        self.state.down.store(down, Ordering::SeqCst);
    }

    /// How many connections were refused while down.
    pub fn refused(&self) -> usize {
        self.state.refused.load(Ordering::SeqCst)
    }

    /// Every mail received so far, once per envelope recipient.
    pub fn all(&self) -> Vec<Mail> {
        let received = self.state.received.lock().unwrap();
        received
            .iter()
            .flat_map(|r| r.recipients.iter().map(|to| parse(to, &r.data)))
            .collect()
    }

    /// The mails received for `address`; waits up to 5 s for the first and
    /// fails the test when none comes.
    pub async fn mails_to(&self, address: &str) -> Vec<Mail> {
        self.wait_for(address, 1, WAIT).await
    }

    /// The mails received for `address` once there are at least `count`;
    /// fails the test when they do not come within `timeout`.
    pub async fn wait_for(&self, address: &str, count: usize, timeout: Duration) -> Vec<Mail> {
        let address = address.to_lowercase();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let mails: Vec<Mail> = self.all().into_iter().filter(|m| m.to == address).collect();
            if mails.len() >= count {
                return mails;
            }
            if tokio::time::Instant::now() >= deadline {
                panic!(
                    "{count} mail(s) for {address} expected within {timeout:?}, got {}",
                    mails.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// One SMTP session.
async fn serve(stream: TcpStream, state: &State) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    if state.down.load(Ordering::SeqCst) {
        state.refused.fetch_add(1, Ordering::SeqCst);
        write
            .write_all(b"421 4.3.2 Service not available (down for the test)\r\n")
            .await?;
        return Ok(());
    }
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line).trim_end().to_owned();
        let verb = command
            .split([' ', ':'])
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" => b"250 sink\r\n",
            "MAIL" | "RSET" => {
                recipients.clear();
                b"250 2.0.0 OK\r\n"
            }
            "RCPT" => match address_in(&command) {
                Some(address) => {
                    recipients.push(address);
                    b"250 2.1.5 OK\r\n"
                }
                None => b"501 5.1.3 Bad recipient address syntax\r\n",
            },
            "DATA" if recipients.is_empty() => b"503 5.5.1 No recipients\r\n",
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let data = read_data(&mut read).await?;
                state.received.lock().unwrap().push(Received {
                    recipients: std::mem::take(&mut recipients),
                    data,
                });
                b"250 2.0.0 Queued\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// The message after DATA, up to the line with only a dot; a line that
/// starts with a dot had another dot put before it.
async fn read_data(
    read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(data);
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(unstuffed);
    }
}

/// The address in `RCPT TO:<address> ...`.
fn address_in(command: &str) -> Option<String> {
    let start = command.find('<')? + 1;
    let end = start + command[start..].find('>')?;
    Some(command[start..end].to_lowercase())
}

fn parse(to: &str, data: &[u8]) -> Mail {
    let message = mail_parser::MessageParser::default()
        .parse(data)
        .expect("a message the sink can read");
    let mailbox = |addr: Option<&mail_parser::Address>| {
        addr.and_then(|a| a.first())
            .map(|a| {
                format!(
                    "{} <{}>",
                    a.name().unwrap_or_default(),
                    a.address().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    };
    Mail {
        to: to.to_owned(),
        to_header: mailbox(message.to()),
        from: mailbox(message.from()),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message
            .body_text(0)
            .unwrap_or_default()
            .replace("\r\n", "\n")
            .trim_end()
            .to_owned(),
        raw: String::from_utf8_lossy(data).into_owned(),
    }
}
