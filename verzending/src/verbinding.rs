//! Opening SMTP connections ourselves, so the socket gets TCP_NODELAY.
//!
//! lettre writes a message body and its closing `\r\n.\r\n` in two writes. With Nagle's
//! algorithm on, the small second write waits for the server's (delayed) ACK of the first:
//! about 40 ms per message, which capped the outbox near 25 messages per second per worker.
//! lettre has no setting for it, so we connect the socket, set `nodelay`, and hand the stream
//! to lettre's `AsyncSmtpConnection`, which still speaks SMTP, STARTTLS and AUTH.

use std::net::SocketAddr;
use std::sync::Arc;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::instelling::{Beveiliging, SmtpInstelling};

/// Why no connection could be made, before lettre had a stream to speak on.
#[derive(Debug)]
pub(crate) enum OpenFout {
    Netwerk(std::io::Error),
    Tijd,
    Tls(String),
    Smtp(lettre::transport::smtp::Error),
}

impl From<lettre::transport::smtp::Error> for OpenFout {
    fn from(fout: lettre::transport::smtp::Error) -> Self {
        OpenFout::Smtp(fout)
    }
}

/// A TLS stream from the first byte (smtps://), as lettre wants it.
#[derive(Debug)]
struct Versleuteld(TlsStream<TcpStream>);

impl AsyncTokioStream for Versleuteld {
    fn peer_addr(&self) -> std::io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl tokio::io::AsyncRead for Versleuteld {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.get_mut().0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Versleuteld {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.get_mut().0).poll_write(cx, buf)
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.get_mut().0).poll_flush(cx)
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.get_mut().0).poll_shutdown(cx)
    }
}

/// Connects, greets, secures and logs in, all within the setting's timeout.
pub(crate) async fn open(instelling: &SmtpInstelling) -> Result<AsyncSmtpConnection, OpenFout> {
    tokio::time::timeout(instelling.timeout(), open_zonder_tijd(instelling)).await.map_err(|_| OpenFout::Tijd)?
}

async fn open_zonder_tijd(instelling: &SmtpInstelling) -> Result<AsyncSmtpConnection, OpenFout> {
    let host = instelling.host();
    let tcp = TcpStream::connect((host, instelling.poort())).await.map_err(OpenFout::Netwerk)?;
    tcp.set_nodelay(true).map_err(OpenFout::Netwerk)?;
    let hallo = ClientId::default();
    let stroom: Box<dyn AsyncTokioStream> = match instelling.beveiliging() {
        Beveiliging::Tls => Box::new(Versleuteld(tls_openen(host, tcp).await?)),
        Beveiliging::Geen | Beveiliging::StartTls => Box::new(tcp),
    };
    let mut verbinding = AsyncSmtpConnection::connect_with_transport(stroom, &hallo).await?;
    if instelling.beveiliging() == Beveiliging::StartTls {
        let parameters = TlsParameters::new(host.to_owned())?;
        // lettre's starttls refuses a server that does not offer it: never fall back to plain text.
        verbinding.starttls(parameters, &hallo).await?;
    }
    if let Some((gebruiker, wachtwoord)) = instelling.inlog() {
        let inlog = Credentials::new(gebruiker, wachtwoord);
        verbinding.auth(&[Mechanism::Plain, Mechanism::Login], &inlog).await?;
    }
    Ok(verbinding)
}

/// Implicit TLS with the Mozilla root certificates, as lettre's own rustls setup does.
async fn tls_openen(host: &str, tcp: TcpStream) -> Result<TlsStream<TcpStream>, OpenFout> {
    let wortels = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let aanbieder = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(aanbieder)
        .with_safe_default_protocol_versions()
        .map_err(|e| OpenFout::Tls(e.to_string()))?
        .with_root_certificates(wortels)
        .with_no_client_auth();
    let naam = rustls::pki_types::ServerName::try_from(host.to_owned()).map_err(|e| OpenFout::Tls(e.to_string()))?;
    TlsConnector::from(Arc::new(config)).connect(naam, tcp).await.map_err(|e| OpenFout::Tls(e.to_string()))
}
