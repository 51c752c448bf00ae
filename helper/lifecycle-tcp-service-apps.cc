/*
 * tcp-lifecycle: service applications on either end of a connection.
 */
#include "lifecycle-tcp-service-apps.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpServiceApps");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpServiceServer);
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpServiceClient);

namespace
{
/// The checker of the Service attribute, with its names.
Ptr<const AttributeChecker>
ServiceChecker(bool withHttp)
{
    using C = LifecycleTcpServiceConnection;
    if (withHttp)
    {
        return MakeEnumChecker(
            C::ECHO, "echo", C::DISCARD, "discard", C::BULK, "bulk", C::HTTP, "http");
    }
    return MakeEnumChecker(C::ECHO, "echo", C::DISCARD, "discard", C::BULK, "bulk");
}
} // namespace

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

TypeId
LifecycleTcpServiceServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpServiceServer")
            .SetParent<Application>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpServiceServer>()
            .AddAttribute("Port",
                          "The port it listens on, on every address of the node.",
                          UintegerValue(80),
                          MakeUintegerAccessor(&LifecycleTcpServiceServer::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Service",
                          "What it does on each connection: echo (answer each line with "
                          "Reply), discard (read everything), bulk (send Bytes, then close) "
                          "or http (a minimal HTTP/1.0 server: GET /<size>).",
                          EnumValue(LifecycleTcpServiceConnection::ECHO),
                          MakeEnumAccessor(&LifecycleTcpServiceServer::m_service),
                          ServiceChecker(true))
            .AddAttribute("Reply",
                          "echo: the line answered to each line, without the newline. The "
                          "classic socket tutorial's server says thank you.",
                          StringValue("thank you"),
                          MakeStringAccessor(&LifecycleTcpServiceServer::m_reply),
                          MakeStringChecker())
            .AddAttribute("Bytes",
                          "bulk: bytes of the stream pattern sent on each connection.",
                          UintegerValue(1000000),
                          MakeUintegerAccessor(&LifecycleTcpServiceServer::m_bytes),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("CloseFirst",
                          "echo: close after the first answer instead of waiting for the "
                          "client's FIN (the server becomes the active closer).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LifecycleTcpServiceServer::m_closeFirst),
                          MakeBooleanChecker())
            .AddTraceSource("Done",
                            "A connection is done: its socket reached TIME_WAIT or CLOSED, or "
                            "it failed.",
                            MakeTraceSourceAccessor(&LifecycleTcpServiceServer::m_done),
                            "ns3::LifecycleTcpServiceServer::DoneTracedCallback");
    return tid;
}

LifecycleTcpServiceServer::LifecycleTcpServiceServer()
    : m_service(LifecycleTcpServiceConnection::ECHO)
{
}

LifecycleTcpServiceServer::~LifecycleTcpServiceServer() = default;

Ptr<Socket>
LifecycleTcpServiceServer::GetListener() const
{
    return m_listener;
}

uint64_t
LifecycleTcpServiceServer::GetAccepted() const
{
    return m_accepted;
}

void
LifecycleTcpServiceServer::DoDispose()
{
    m_connections.clear();
    m_listener = nullptr;
    Application::DoDispose();
}

void
LifecycleTcpServiceServer::StartApplication()
{
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "LifecycleTcpServiceServer: cannot bind port " << m_port);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&LifecycleTcpServiceServer::OnAccept, this));
    NS_LOG_INFO("node " << GetNode()->GetId() << " serves "
                        << LifecycleTcpServiceConnection::ServiceName(m_service) << " on port "
                        << m_port);
}

void
LifecycleTcpServiceServer::StopApplication()
{
    if (m_listener)
    {
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listener->Close();
    }
}

void
LifecycleTcpServiceServer::OnAccept(Ptr<Socket> socket, const Address& from)
{
    ++m_accepted;
    LifecycleTcpServiceConnection::Settings settings;
    settings.service = m_service;
    settings.server = true;
    settings.line = m_reply;
    settings.bytes = m_bytes;
    settings.closeFirst = m_closeFirst;
    auto c = std::make_unique<LifecycleTcpServiceConnection>(
        socket, settings, from, MakeCallback(&LifecycleTcpServiceServer::OnDone, this));
    LifecycleTcpServiceConnection* raw = c.get();
    m_connections[raw] = std::move(c);
    raw->Start();
}

void
LifecycleTcpServiceServer::OnDone(LifecycleTcpServiceConnection* connection)
{
    auto it = m_connections.find(connection);
    if (it == m_connections.end())
    {
        return;
    }
    m_done(connection->GetOutcome());
    m_connections.erase(it);
}

// ---------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------

TypeId
LifecycleTcpServiceClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpServiceClient")
            .SetParent<Application>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpServiceClient>()
            .AddAttribute("Remote",
                          "The server: an InetSocketAddress.",
                          AddressValue(),
                          MakeAddressAccessor(&LifecycleTcpServiceClient::m_remote),
                          MakeAddressChecker())
            .AddAttribute("LocalPort",
                          "The client's port; 0: an ephemeral one.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LifecycleTcpServiceClient::m_localPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Connections",
                          "Connections to open, one after another (the next when the last "
                          "is done).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&LifecycleTcpServiceClient::m_connections),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Service",
                          "What it does on each connection: echo (send Message as a line, "
                          "read the answer), discard (read everything until the server "
                          "closes) or bulk (send Bytes, then close).",
                          EnumValue(LifecycleTcpServiceConnection::ECHO),
                          MakeEnumAccessor(&LifecycleTcpServiceClient::m_service),
                          ServiceChecker(false))
            .AddAttribute("Message",
                          "echo: the line sent, without the newline.",
                          StringValue("hello"),
                          MakeStringAccessor(&LifecycleTcpServiceClient::m_message),
                          MakeStringChecker())
            .AddAttribute("Bytes",
                          "bulk: bytes of the stream pattern sent on each connection.",
                          UintegerValue(1000000),
                          MakeUintegerAccessor(&LifecycleTcpServiceClient::m_bytes),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("CloseFirst",
                          "echo: close once the answer arrived instead of waiting for the "
                          "server's FIN (the client becomes the active closer).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LifecycleTcpServiceClient::m_closeFirst),
                          MakeBooleanChecker())
            .AddTraceSource("Done",
                            "A connection is done: its socket reached TIME_WAIT or CLOSED, or "
                            "it failed.",
                            MakeTraceSourceAccessor(&LifecycleTcpServiceClient::m_done),
                            "ns3::LifecycleTcpServiceClient::DoneTracedCallback");
    return tid;
}

LifecycleTcpServiceClient::LifecycleTcpServiceClient()
    : m_service(LifecycleTcpServiceConnection::ECHO)
{
}

LifecycleTcpServiceClient::~LifecycleTcpServiceClient() = default;

uint64_t
LifecycleTcpServiceClient::GetOpened() const
{
    return m_opened;
}

void
LifecycleTcpServiceClient::DoDispose()
{
    m_connection.reset();
    Application::DoDispose();
}

void
LifecycleTcpServiceClient::StartApplication()
{
    m_running = true;
    Open();
}

void
LifecycleTcpServiceClient::StopApplication()
{
    m_running = false; // no new connection; the live one finishes on its own
}

void
LifecycleTcpServiceClient::Open()
{
    if (!m_running || m_opened >= m_connections)
    {
        return;
    }
    ++m_opened;
    Ptr<Socket> socket = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_localPort)) != 0,
                    "LifecycleTcpServiceClient: cannot bind port " << m_localPort);
    LifecycleTcpServiceConnection::Settings settings;
    settings.service = m_service;
    settings.server = false;
    settings.line = m_message;
    settings.bytes = m_bytes;
    settings.closeFirst = m_closeFirst;
    m_connection = std::make_unique<LifecycleTcpServiceConnection>(
        socket, settings, m_remote, MakeCallback(&LifecycleTcpServiceClient::OnDone, this));
    LifecycleTcpServiceConnection* c = m_connection.get();
    socket->SetConnectCallback(Callback<void, Ptr<Socket>>([c](Ptr<Socket>) { c->Start(); }),
                               Callback<void, Ptr<Socket>>([c](Ptr<Socket>) { c->Fail(); }));
    socket->Connect(m_remote);
}

void
LifecycleTcpServiceClient::OnDone(LifecycleTcpServiceConnection* connection)
{
    if (connection != m_connection.get())
    {
        return;
    }
    m_done(connection->GetOutcome());
    m_connection.reset();
    Simulator::ScheduleNow(&LifecycleTcpServiceClient::Open, this);
}

} // namespace ns3
