/*
 * tcp-lifecycle: one connection of a service application.
 */
#include "lifecycle-tcp-service-connection.h"

#include "lifecycle-tcp-http.h"
#include "lifecycle-tcp-stream-pattern.h"

#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpServiceConnection");

namespace
{
/// Bytes handed to the socket per Send of pattern bytes.
constexpr uint64_t CHUNK = 65536;
/// An echo line is kept up to this length; the rest of a longer line is dropped.
constexpr size_t MAX_LINE = 65536;
} // namespace

std::string
LifecycleTcpServiceConnection::ServiceName(Service service)
{
    switch (service)
    {
        case ECHO:
            return "echo";
        case DISCARD:
            return "discard";
        case BULK:
            return "bulk";
        case HTTP:
            return "http";
    }
    return "?";
}

LifecycleTcpServiceConnection::LifecycleTcpServiceConnection(Ptr<Socket> socket,
                                                             const Settings& settings,
                                                             const Address& peer,
                                                             DoneCallback done)
    : m_socket(socket)
    , m_settings(settings)
    , m_done(done)
{
    m_outcome.peer = peer;
    m_outcome.state = TcpSocket::CLOSED;
    m_socket->SetRecvCallback(MakeCallback(&LifecycleTcpServiceConnection::OnRecv, this));
    m_socket->SetSendCallback(MakeCallback(&LifecycleTcpServiceConnection::OnSendSpace, this));
    m_socket->SetCloseCallbacks(MakeCallback(&LifecycleTcpServiceConnection::OnPeerClose, this),
                                MakeCallback(&LifecycleTcpServiceConnection::OnError, this));
    // Both TCPs of a node have a State trace source of this signature.
    m_socket->TraceConnectWithoutContext(
        "State", MakeCallback(&LifecycleTcpServiceConnection::OnState, this));
}

LifecycleTcpServiceConnection::~LifecycleTcpServiceConnection()
{
    m_finish.Cancel();
    Release();
    m_socket->TraceDisconnectWithoutContext(
        "State", MakeCallback(&LifecycleTcpServiceConnection::OnState, this));
}

const LifecycleTcpServiceOutcome&
LifecycleTcpServiceConnection::GetOutcome() const
{
    return m_outcome;
}

Ptr<Socket>
LifecycleTcpServiceConnection::GetSocket() const
{
    return m_socket;
}

void
LifecycleTcpServiceConnection::Start()
{
    m_outcome.established = true;
    switch (m_settings.service)
    {
        case ECHO:
            if (!m_settings.server)
            {
                QueueText(m_settings.line + "\n");
            }
            break;
        case BULK:
            QueuePattern(m_settings.bytes);
            m_closeWhenSent = true;
            break;
        case DISCARD:
        case HTTP:
            break; // wait for the peer
    }
    Fill();
}

void
LifecycleTcpServiceConnection::Fail()
{
    m_errored = true;
    if (!m_finish.IsRunning())
    {
        m_finish = Simulator::ScheduleNow(&LifecycleTcpServiceConnection::Finish, this);
    }
}

void
LifecycleTcpServiceConnection::OnRecv(Ptr<Socket>)
{
    while (!m_closed)
    {
        Ptr<Packet> p = m_socket->Recv();
        if (!p || p->GetSize() == 0)
        {
            break;
        }
        m_outcome.received += p->GetSize();
        if (m_settings.service == ECHO || m_settings.service == HTTP)
        {
            std::string text(p->GetSize(), '\0');
            p->CopyData(reinterpret_cast<uint8_t*>(text.data()), text.size());
            Consume(text);
        }
    }
}

void
LifecycleTcpServiceConnection::Consume(const std::string& text)
{
    if (m_settings.service == ECHO)
    {
        ConsumeLines(text);
    }
    else if (m_settings.server && !m_answered)
    {
        ConsumeRequest(text);
    }
}

void
LifecycleTcpServiceConnection::ConsumeLines(const std::string& text)
{
    for (char c : text)
    {
        if (c != '\n')
        {
            if (m_buffer.size() < MAX_LINE)
            {
                m_buffer += c;
            }
            continue;
        }
        std::string line = m_buffer;
        m_buffer.clear();
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        bool first = m_outcome.firstLine.empty() && !m_answered;
        if (first)
        {
            m_outcome.firstLine = line;
            m_answered = true;
        }
        if (m_settings.server)
        {
            // Each line is answered; with CloseFirst the server closes after its first answer.
            if (!m_closeWhenSent)
            {
                QueueText(m_settings.line + "\n");
            }
            if (m_settings.closeFirst)
            {
                m_closeWhenSent = true;
            }
            Fill();
        }
        else if (first && m_settings.closeFirst)
        {
            // The client has its answer and closes.
            m_closeWhenSent = true;
            Fill();
        }
        if (m_closed)
        {
            return;
        }
    }
}

void
LifecycleTcpServiceConnection::ConsumeRequest(const std::string& text)
{
    m_buffer += text;
    size_t head = LifecycleTcpHttp::HeadLength(m_buffer);
    LifecycleTcpHttpResponse response;
    if (head > 0 && head <= LifecycleTcpHttp::MaxHead)
    {
        response = LifecycleTcpHttp::Answer(m_buffer.substr(0, head));
    }
    else if (m_buffer.size() > LifecycleTcpHttp::MaxHead)
    {
        response = LifecycleTcpHttp::TooLong();
    }
    else
    {
        return; // the head is not complete yet
    }
    m_answered = true;
    m_buffer.clear();
    m_outcome.firstLine = response.requestLine;
    m_outcome.httpStatus = response.status;
    NS_LOG_INFO("HTTP " << response.status << " for '" << response.requestLine << "'");
    QueueText(response.head + response.text);
    QueuePattern(response.patternBytes);
    m_closeWhenSent = true; // RFC 1945 1.3: the server closes after the response
    Fill();
}

void
LifecycleTcpServiceConnection::QueueText(const std::string& text)
{
    m_text += text;
}

void
LifecycleTcpServiceConnection::QueuePattern(uint64_t bytes)
{
    m_patternLeft += bytes;
}

void
LifecycleTcpServiceConnection::Fill()
{
    while (!m_closed && (!m_text.empty() || m_patternLeft > 0))
    {
        uint32_t room = m_socket->GetTxAvailable();
        if (room == 0)
        {
            return; // OnSendSpace calls again
        }
        if (!m_text.empty())
        {
            uint32_t n = std::min<uint64_t>(room, m_text.size());
            Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(m_text.data()), n);
            if (m_socket->Send(p) < 0)
            {
                return;
            }
            m_text.erase(0, n);
            m_outcome.sent += n;
            continue;
        }
        uint32_t n = static_cast<uint32_t>(std::min<uint64_t>({room, m_patternLeft, CHUNK}));
        if (m_socket->Send(LifecycleTcpStreamPatternPacket(m_patternOffset, n)) < 0)
        {
            return;
        }
        m_patternOffset += n;
        m_patternLeft -= n;
        m_outcome.sent += n;
    }
    if (m_closeWhenSent && !m_closed)
    {
        CloseNow();
    }
}

void
LifecycleTcpServiceConnection::OnSendSpace(Ptr<Socket>, uint32_t)
{
    Fill();
}

void
LifecycleTcpServiceConnection::Drain()
{
    while (Ptr<Packet> p = m_socket->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        m_outcome.received += p->GetSize();
    }
}

void
LifecycleTcpServiceConnection::CloseNow()
{
    if (m_closed)
    {
        return;
    }
    Drain(); // unread data at Close would reset the connection (SHLD-3)
    m_closed = true;
    m_socket->Close();
    // Nothing more to read or send; the close callbacks still tell a reset.
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
}

void
LifecycleTcpServiceConnection::OnPeerClose(Ptr<Socket>)
{
    // The peer's FIN: it sends nothing more. Ours follows what is still queued.
    if (!m_closed)
    {
        m_outcome.peerClosedFirst = true;
    }
    Drain();
    m_closeWhenSent = true;
    Fill();
}

void
LifecycleTcpServiceConnection::OnError(Ptr<Socket>)
{
    m_errored = true;
}

void
LifecycleTcpServiceConnection::OnState(TcpSocket::TcpStates_t from, TcpSocket::TcpStates_t to)
{
    if ((to == TcpSocket::TIME_WAIT || to == TcpSocket::CLOSED) && !m_finish.IsRunning()
        && !m_done.IsNull())
    {
        m_outcome.state = to;
        // In an event of its own: the socket may still report an error for
        // this same change, and the application may delete this object.
        m_finish = Simulator::ScheduleNow(&LifecycleTcpServiceConnection::Finish, this);
    }
}

void
LifecycleTcpServiceConnection::Release()
{
    if (m_released)
    {
        return;
    }
    m_released = true;
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                 MakeNullCallback<void, Ptr<Socket>>());
}

void
LifecycleTcpServiceConnection::Finish()
{
    if (m_done.IsNull())
    {
        return;
    }
    Release();
    m_outcome.failed = m_errored || !m_outcome.established;
    DoneCallback done = m_done;
    m_done = MakeNullCallback<void, LifecycleTcpServiceConnection*>();
    done(this);
}

} // namespace ns3
