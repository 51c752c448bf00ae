/*
 * tcp-lifecycle tests: stream applications.
 */
#include "lifecycle-test-apps.h"

#include <algorithm>
#include <vector>

namespace ns3
{
namespace lifecycle_test
{

uint8_t
StreamByte(uint64_t i, uint32_t seed)
{
    uint64_t x = i * 0x9e3779b97f4a7c15ULL + seed;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 32;
    return static_cast<uint8_t>(x);
}

namespace
{
uint64_t
Fnv(uint64_t hash, uint8_t byte)
{
    return (hash ^ byte) * 1099511628211ULL;
}
} // namespace

uint64_t
StreamHash(uint64_t n, uint32_t seed)
{
    uint64_t h = 14695981039346656037ULL;
    for (uint64_t i = 0; i < n; ++i)
    {
        h = Fnv(h, StreamByte(i, seed));
    }
    return h;
}

StreamSender::StreamSender(Ptr<Socket> socket, uint64_t total, uint32_t seed, Finish finish)
    : m_socket(socket)
    , m_total(total)
    , m_seed(seed)
    , m_finish(finish)
{
}

void
StreamSender::Start()
{
    m_socket->SetSendCallback(
        Callback<void, Ptr<Socket>, uint32_t>([this](Ptr<Socket>, uint32_t) { Fill(); }));
    Fill();
}

void
StreamSender::Fill()
{
    while (m_sent < m_total)
    {
        uint32_t room = m_socket->GetTxAvailable();
        uint32_t chunk = static_cast<uint32_t>(std::min<uint64_t>({room, m_total - m_sent, 8192}));
        if (chunk == 0)
        {
            return; // the send callback brings us back
        }
        std::vector<uint8_t> bytes(chunk);
        for (uint32_t k = 0; k < chunk; ++k)
        {
            bytes[k] = StreamByte(m_sent + k, m_seed);
        }
        int accepted = m_socket->Send(Create<Packet>(bytes.data(), chunk));
        if (accepted <= 0)
        {
            return;
        }
        m_sent += static_cast<uint64_t>(accepted);
    }
    if (!m_done)
    {
        m_done = true;
        if (m_finish == Finish::CLOSE)
        {
            m_socket->Close();
        }
        else if (m_finish == Finish::SHUTDOWN_SEND)
        {
            m_socket->ShutdownSend();
        }
    }
}

uint64_t
StreamSender::Sent() const
{
    return m_sent;
}

bool
StreamSender::Done() const
{
    return m_done;
}

StreamReceiver::StreamReceiver(bool closeOnPeerClose, uint64_t closeAfterBytes)
    : m_closeOnPeerClose(closeOnPeerClose)
    , m_closeAfterBytes(closeAfterBytes)
{
}

void
StreamReceiver::Attach(Ptr<Socket> socket)
{
    m_socket = socket;
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) { Read(s); }));
    socket->SetCloseCallbacks(Callback<void, Ptr<Socket>>(
                                  [this](Ptr<Socket> s)
                                  {
                                      Read(s);
                                      m_peerClosed = true;
                                      if (m_closeOnPeerClose && !m_closed)
                                      {
                                          m_closed = true;
                                          s->Close();
                                      }
                                  }),
                              MakeNullCallback<void, Ptr<Socket>>());
}

void
StreamReceiver::Read(Ptr<Socket> s)
{
    while (Ptr<Packet> p = s->Recv())
    {
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        for (uint8_t b : bytes)
        {
            m_hash = Fnv(m_hash, b);
        }
        m_received += bytes.size();
        if (p->GetSize() == 0)
        {
            break;
        }
    }
    if (m_closeAfterBytes != 0 && m_received >= m_closeAfterBytes && !m_closed)
    {
        m_closed = true;
        s->Close();
    }
}

uint64_t
StreamReceiver::Received() const
{
    return m_received;
}

bool
StreamReceiver::Matches(uint64_t total, uint32_t seed) const
{
    return m_received == total && m_hash == StreamHash(total, seed);
}

bool
StreamReceiver::PeerClosed() const
{
    return m_peerClosed;
}

Ptr<Socket>
StreamReceiver::GetSocket() const
{
    return m_socket;
}

} // namespace lifecycle_test
} // namespace ns3
