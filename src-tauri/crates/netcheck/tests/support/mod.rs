//! Real servers on 127.0.0.1 for the network tests: an HTTP server that can misbehave in
//! every way an echo service can, and a UDP DNS server built on hickory-proto. No mocked
//! client anywhere: the code under test opens real sockets.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use hickory_proto::{
    op::{Message, OpCode, ResponseCode},
    rr::{
        RData, Record, RecordType,
        rdata::{A, AAAA, TXT},
    },
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, UdpSocket},
};

/// What the HTTP server does with each request.
#[derive(Debug, Clone)]
pub enum Http {
    /// Waits, then answers `status` with `body`.
    Answer {
        delay: Duration,
        status: u16,
        body: Vec<u8>,
    },
    /// Streams `bytes` of filler with no Content-Length, as a hostile server might.
    Flood { bytes: usize },
    /// Accepts and never answers.
    Hang,
    /// Answers 302 with this Location.
    Redirect(String),
    /// Answers each request path with its body (200), anything else with 404.
    Routes(Vec<(String, String)>),
    /// Sends bytes that are not HTTP (or not TLS, for an https:// URL).
    Garbage,
}

impl Http {
    pub fn ok(body: &str) -> Self {
        Self::after(0, body)
    }

    pub fn after(ms: u64, body: &str) -> Self {
        Self::Answer {
            delay: Duration::from_millis(ms),
            status: 200,
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Starts an HTTP server on `ip` (port chosen by the OS) and returns its address.
pub async fn http_on(ip: IpAddr, behaviour: Http) -> SocketAddr {
    let listener = TcpListener::bind(SocketAddr::new(ip, 0))
        .await
        .expect("bind http");
    let addr = listener.local_addr().expect("addr");
    let behaviour = Arc::new(behaviour);
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            let behaviour = Arc::clone(&behaviour);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let mut seen = Vec::new();
                // Read the request head (enough for a GET).
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") && seen.len() < 65536 {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                    if matches!(*behaviour, Http::Garbage) {
                        break;
                    }
                }
                match &*behaviour {
                    Http::Answer {
                        delay,
                        status,
                        body,
                    } => {
                        tokio::time::sleep(*delay).await;
                        let head = format!(
                            "HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = stream.write_all(head.as_bytes()).await;
                        let _ = stream.write_all(body).await;
                    }
                    Http::Flood { bytes } => {
                        let _ = stream
                            .write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
                            .await;
                        let chunk = vec![b'9'; 64 * 1024];
                        let mut sent = 0;
                        while sent < *bytes {
                            if stream.write_all(&chunk).await.is_err() {
                                return; // the client hung up, as it should
                            }
                            sent += chunk.len();
                        }
                    }
                    Http::Hang => tokio::time::sleep(Duration::from_secs(600)).await,
                    Http::Routes(routes) => {
                        let head = String::from_utf8_lossy(&seen).to_string();
                        let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                        let (status, body) = routes
                            .iter()
                            .find(|(p, _)| *p == path)
                            .map_or((404, String::new()), |(_, b)| (200, b.clone()));
                        let head = format!(
                            "HTTP/1.1 {status} X\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = stream.write_all(head.as_bytes()).await;
                        let _ = stream.write_all(body.as_bytes()).await;
                    }
                    Http::Redirect(location) => {
                        let head = format!(
                            "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        );
                        let _ = stream.write_all(head.as_bytes()).await;
                    }
                    Http::Garbage => {
                        let _ = stream
                            .write_all(&[0x16, 0xff, 0x00, 0x42, 0x13, 0x37, 0x00, 0x00])
                            .await;
                    }
                }
                let _ = stream.shutdown().await;
            });
        }
    });
    addr
}

/// An HTTP server on 127.0.0.1.
pub async fn http(behaviour: Http) -> SocketAddr {
    http_on("127.0.0.1".parse().expect("ip"), behaviour).await
}

/// A port on which nothing listens (connections are refused).
pub async fn refused_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    addr
}

/// What the DNS server answers for every query.
#[derive(Debug, Clone)]
pub enum Dns {
    /// An A or AAAA record with this address (by the query's type), after `delay_ms`.
    Address { ip: IpAddr, delay_ms: u64 },
    /// A TXT record with this text.
    Txt(String),
    /// NXDOMAIN.
    NoSuchName,
    /// A PTR record with this name.
    Ptr(String),
    /// The inner answer, after a delay in milliseconds.
    Delayed(Box<Dns>, u64),
}

/// Starts a UDP DNS server on 127.0.0.1 and returns its address.
pub async fn dns(behaviour: Dns) -> SocketAddr {
    let socket = Arc::new(UdpSocket::bind("127.0.0.1:0").await.expect("bind dns"));
    let addr = socket.local_addr().expect("addr");
    tokio::spawn(async move {
        let mut buf = vec![0u8; 4096];
        loop {
            let Ok((n, peer)) = socket.recv_from(&mut buf).await else {
                return;
            };
            let Ok(request) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let socket = Arc::clone(&socket);
            let mut behaviour = behaviour.clone();
            tokio::spawn(async move {
                if let Dns::Delayed(inner, ms) = behaviour {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    behaviour = *inner;
                }
                let mut response = Message::response(request.metadata.id, OpCode::Query);
                response.metadata.authoritative = true;
                response.queries = request.queries.clone();
                if let Some(q) = request.queries.first() {
                    let name = q.name().clone();
                    match (&behaviour, q.query_type()) {
                        (
                            Dns::Address {
                                ip: IpAddr::V4(v4),
                                delay_ms,
                            },
                            RecordType::A,
                        ) => {
                            tokio::time::sleep(Duration::from_millis(*delay_ms)).await;
                            response
                                .answers
                                .push(Record::from_rdata(name, 0, RData::A(A(*v4))));
                        }
                        (
                            Dns::Address {
                                ip: IpAddr::V6(v6),
                                delay_ms,
                            },
                            RecordType::AAAA,
                        ) => {
                            tokio::time::sleep(Duration::from_millis(*delay_ms)).await;
                            response.answers.push(Record::from_rdata(
                                name,
                                0,
                                RData::AAAA(AAAA(*v6)),
                            ));
                        }
                        (Dns::Txt(text), RecordType::TXT) => {
                            response.answers.push(Record::from_rdata(
                                name,
                                0,
                                RData::TXT(TXT::new(vec![text.clone()])),
                            ));
                        }
                        (Dns::NoSuchName, _) => {
                            response.metadata.response_code = ResponseCode::NXDomain
                        }
                        (Dns::Ptr(target), RecordType::PTR) => {
                            let target = hickory_proto::rr::Name::from_ascii(target).expect("name");
                            response.answers.push(Record::from_rdata(
                                name,
                                0,
                                RData::PTR(hickory_proto::rr::rdata::PTR(target)),
                            ));
                        }
                        _ => {}
                    }
                }
                if let Ok(bytes) = response.to_vec() {
                    let _ = socket.send_to(&bytes, peer).await;
                }
            });
        }
    });
    addr
}

/// A UPnP Internet Gateway Device on 127.0.0.1: an SSDP responder (returned) whose LOCATION
/// points at an HTTP server with the device description, the service description and the
/// SOAP control URL, answering GetExternalIPAddress with `wan`.
pub async fn upnp_gateway(wan: &str) -> SocketAddr {
    let device = r#"<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>
<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>Test router</friendlyName>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
<serviceList><service><serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>
<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId><controlURL>/ctl/IPConn</controlURL>
<eventSubURL>/evt/IPConn</eventSubURL><SCPDURL>/WANIPCn.xml</SCPDURL></service></serviceList>
</device></deviceList></device></deviceList></device></root>"#;
    let scpd = r#"<?xml version="1.0"?><scpd xmlns="urn:schemas-upnp-org:service-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>
<actionList><action><name>GetExternalIPAddress</name><argumentList><argument><name>NewExternalIPAddress</name>
<direction>out</direction><relatedStateVariable>ExternalIPAddress</relatedStateVariable></argument></argumentList></action></actionList></scpd>"#;
    let soap = format!(
        r#"<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body><u:GetExternalIPAddressResponse xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"><NewExternalIPAddress>{wan}</NewExternalIPAddress></u:GetExternalIPAddressResponse></s:Body></s:Envelope>"#
    );
    let web = http(Http::Routes(vec![
        ("/desc.xml".into(), device.into()),
        ("/WANIPCn.xml".into(), scpd.into()),
        ("/ctl/IPConn".into(), soap),
    ]))
    .await;
    let ssdp = Arc::new(UdpSocket::bind("127.0.0.1:0").await.expect("bind ssdp"));
    let addr = ssdp.local_addr().expect("addr");
    tokio::spawn(async move {
        let mut buf = vec![0u8; 2048];
        loop {
            let Ok((_, peer)) = ssdp.recv_from(&mut buf).await else {
                return;
            };
            let answer = format!(
                "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nUSN: uuid:test::urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nLOCATION: http://{web}/desc.xml\r\n\r\n"
            );
            let _ = ssdp.send_to(answer.as_bytes(), peer).await;
        }
    });
    addr
}
