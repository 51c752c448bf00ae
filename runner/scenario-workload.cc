/*
 * tcp-lifecycle runner: what the clients and servers of a scenario do.
 */
#include "scenario-workload.h"

#include "ns3/inet-socket-address.h"
#include "ns3/internet-module.h"
#include "ns3/lifecycle-tcp-syn-flood.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace tcplc
{

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("TcpLifecycleWorkload");

/**
 * One end of one connection, client or server: it sends what the workload
 * says, reads everything, and closes when its turn comes.
 */
class Connection
{
  public:
    enum Side
    {
        CLIENT,
        SERVER
    };

    Connection(Workload& w, Side side, Ptr<Socket> socket, uint32_t index)
        : m_w(w)
        , m_o(w.m_o)
        , m_side(side)
        , m_socket(socket)
        , m_index(index)
    {
        m_socket->SetRecvCallback(MakeCallback(&Connection::OnRecv, this));
        m_socket->SetSendCallback(MakeCallback(&Connection::OnSendSpace, this));
        m_socket->SetCloseCallbacks(MakeCallback(&Connection::OnPeerClose, this),
                                    MakeCallback(&Connection::OnError, this));
    }

    /// \brief A client's connection attempt: wait for the outcome.
    void WatchConnect()
    {
        m_socket->SetConnectCallback(MakeCallback(&Connection::OnConnected, this),
                                     MakeCallback(&Connection::OnConnectFailed, this));
    }

    /// \brief The connection is up (a client's Connect succeeded, or a server accepted it).
    void Begin()
    {
        const std::string& w = m_o.workload;
        if (m_side == CLIENT)
        {
            if (w == "bulk")
            {
                QueueBytes(m_o.bulkBytes, m_o.closer == "client");
            }
            else if (w == "short" || w == "syn-flood" || w == "simultaneous-open")
            {
                QueueBytes(m_o.shortBytes, m_o.closer == "client");
            }
            else if (w == "request-response")
            {
                QueueBytes(m_o.rrRequest, false);
            }
            else if (w == "echo")
            {
                QueueText(m_o.echoMessage + "\n");
            }
            else if (w == "hold")
            {
                QueueBytes(m_o.holdBytes, false);
            }
            else if (w == "half-close")
            {
                m_shutdownAfterQueue = true; // the FIN follows the request
                QueueBytes(m_o.halfCloseRequest, false);
            }
        }
        if (m_side == SERVER
            && (w == "short" || w == "syn-flood" || w == "bulk" || w == "simultaneous-open"
                || w == "hold")
            && Expected() == 0)
        {
            ExchangeComplete(); // nothing to wait for
        }
    }

    uint64_t key{0};       //!< pairing key (client address and port)
    bool completed{false}; //!< the exchange completed
    bool closed{false};    //!< we called Close

    /// \brief Close now (draining what arrived first, so no RST for unread data).
    void CloseNow()
    {
        if (closed)
        {
            return;
        }
        Drain();
        closed = true;
        m_socket->Close();
        Done();
    }

  private:
    /// \return bytes a server expects from its client before the exchange is complete
    uint64_t Expected() const
    {
        const std::string& w = m_o.workload;
        return w == "bulk"                                                    ? m_o.bulkBytes
               : w == "short" || w == "syn-flood" || w == "simultaneous-open" ? m_o.shortBytes
               : w == "hold"                                                  ? m_o.holdBytes
                                                                              : 0;
    }

    void QueueBytes(uint64_t bytes, bool closeAfter)
    {
        m_toQueue += bytes;
        m_closeAfterQueue = m_closeAfterQueue || closeAfter;
        Fill();
    }

    void QueueText(const std::string& text)
    {
        Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
        if (m_socket->Send(p) < 0)
        {
            NS_LOG_WARN("could not send " << text.size() << " bytes of text");
        }
        AfterQueued();
    }

    void Fill()
    {
        while (m_queued < m_toQueue)
        {
            uint64_t chunk =
                std::min<uint64_t>({m_socket->GetTxAvailable(), m_toQueue - m_queued, 65536});
            if (chunk == 0 || m_socket->Send(Create<Packet>(static_cast<uint32_t>(chunk))) < 0)
            {
                return; // OnSendSpace calls again
            }
            m_queued += chunk;
        }
        AfterQueued();
    }

    void AfterQueued()
    {
        if (m_shutdownAfterQueue && !m_shutDown)
        {
            m_shutDown = true;
            m_socket->ShutdownSend();
        }
        if (m_closeAfterQueue)
        {
            m_closeAfterQueue = false;
            CloseNow();
        }
    }

    void OnSendSpace(Ptr<Socket>, uint32_t)
    {
        if (!closed)
        {
            Fill();
        }
    }

    void Drain()
    {
        while (Ptr<Packet> p = m_socket->Recv())
        {
            if (p->GetSize() == 0)
            {
                break;
            }
            Consume(p);
        }
    }

    void OnRecv(Ptr<Socket>)
    {
        while (!closed)
        {
            Ptr<Packet> p = m_socket->Recv();
            if (!p || p->GetSize() == 0)
            {
                break;
            }
            Consume(p);
        }
    }

    /// \brief What the workload does with bytes that arrived.
    void Consume(Ptr<Packet> p)
    {
        m_received += p->GetSize();
        const std::string& w = m_o.workload;
        if (m_side == SERVER)
        {
            if (w == "request-response")
            {
                m_pending += p->GetSize();
                while (m_pending >= m_o.rrRequest)
                {
                    m_pending -= m_o.rrRequest;
                    ++m_requests;
                    bool last = m_requests == m_o.rrRequests;
                    QueueBytes(m_o.rrResponse, last && m_o.closer == "server");
                }
            }
            else if (w == "echo")
            {
                if (ReadLine(p))
                {
                    QueueText(m_o.echoReply + "\n");
                    if (m_o.closer == "server")
                    {
                        CloseNow();
                    }
                }
            }
            else if (Expected() > 0 && m_received >= Expected() && !completed)
            {
                ExchangeComplete();
            }
            return;
        }
        // Client.
        if (w == "request-response")
        {
            m_pending += p->GetSize();
            while (m_pending >= m_o.rrResponse && !completed)
            {
                m_pending -= m_o.rrResponse;
                ++m_requests;
                if (m_requests == m_o.rrRequests)
                {
                    ExchangeComplete();
                }
                else
                {
                    Simulator::Schedule(m_o.rrThink, &Connection::NextRequest, this);
                }
            }
        }
        else if (w == "echo" && ReadLine(p))
        {
            ExchangeComplete();
        }
    }

    void NextRequest()
    {
        if (!closed)
        {
            QueueBytes(m_o.rrRequest, false);
        }
    }

    /// \return true once a whole line has arrived
    bool ReadLine(Ptr<Packet> p)
    {
        std::string text(p->GetSize(), '\0');
        p->CopyData(reinterpret_cast<uint8_t*>(text.data()), text.size());
        m_line += text;
        return m_line.find('\n') != std::string::npos;
    }

    /// \brief Everything the workload exchanges has arrived.
    void ExchangeComplete()
    {
        if (completed)
        {
            return;
        }
        completed = true;
        ++m_w.m_counts.completed;
        const std::string& w = m_o.workload;
        if (w == "request-response" && m_side == CLIENT)
        {
            m_w.NextRequestResponse(m_index);
        }
        if (w == "hold" || w == "half-close")
        {
            return;
        }
        if (m_o.closer == "both")
        {
            m_w.CloseBoth(key);
        }
        else if ((m_o.closer == "client") == (m_side == CLIENT))
        {
            CloseNow();
        }
    }

    void OnPeerClose(Ptr<Socket>)
    {
        Drain();
        if (m_o.workload == "half-close" && m_side == SERVER)
        {
            // CLOSE_WAIT: the request is complete; the response follows, then our FIN.
            QueueBytes(m_o.halfCloseResponse, true);
            return;
        }
        if (m_o.workload == "half-close" && m_side == CLIENT && !completed)
        {
            ExchangeComplete(); // the whole response arrived before the FIN
        }
        if (m_o.closeDelay.IsStrictlyPositive())
        {
            m_closeEvent = Simulator::Schedule(m_o.closeDelay, &Connection::CloseNow, this);
            return;
        }
        CloseNow();
    }

    void OnError(Ptr<Socket>)
    {
        if (m_side == CLIENT && !completed)
        {
            ++m_w.m_counts.failed;
            if (m_o.workload == "request-response")
            {
                m_w.NextRequestResponse(m_index);
            }
        }
        closed = true;
        Done();
    }

    void OnConnected(Ptr<Socket>)
    {
        ++m_w.m_counts.established;
        Begin();
    }

    void OnConnectFailed(Ptr<Socket>)
    {
        ++m_w.m_counts.failed;
        if (m_o.workload == "request-response")
        {
            m_w.NextRequestResponse(m_index);
        }
        closed = true;
        Done();
    }

    /// \brief Nothing more to do here: the socket finishes the protocol on its own.
    void Done()
    {
        m_closeEvent.Cancel();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                    MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                     MakeNullCallback<void, Ptr<Socket>>());
        m_w.Forget(this);
    }

    Workload& m_w;
    const ScenarioOptions& m_o;
    Side m_side;
    Ptr<Socket> m_socket;
    uint32_t m_index;
    uint64_t m_toQueue{0};            //!< bytes to hand to the socket in all
    uint64_t m_queued{0};             //!< handed over so far
    bool m_closeAfterQueue{false};    //!< close once all is handed over
    bool m_shutdownAfterQueue{false}; //!< shut the sending side down then
    bool m_shutDown{false};           //!< ShutdownSend called
    EventId m_closeEvent;             //!< a delayed CloseNow (close-delay)
    uint64_t m_received{0};           //!< bytes read
    uint64_t m_pending{0};            //!< bytes of an unfinished request or response
    uint32_t m_requests{0};           //!< requests answered (server) or responses read (client)
    std::string m_line;               //!< echo: text so far
};

// ---------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------

Workload::Workload(const ScenarioOptions& o, ScenarioNetwork& net, Ptr<LifecycleTcpMetrics> metrics)
    : m_o(o)
    , m_net(net)
    , m_metrics(metrics)
{
}

Workload::~Workload() = default;

uint64_t
Workload::ConnectionsPerClient(const ScenarioOptions& o)
{
    const std::string& w = o.workload;
    return w == "bulk"                        ? o.bulkFlows
           : w == "request-response"          ? o.rrConnections
           : w == "short" || w == "syn-flood" ? o.shortCount
           : w == "hold"                      ? o.holdCount
                                              : 1;
}

const WorkloadCounts&
Workload::Counts() const
{
    return m_counts;
}

uint64_t
Workload::Key(Ipv4Address address, uint16_t port)
{
    return (static_cast<uint64_t>(address.Get()) << 16) | port;
}

void
Workload::Install()
{
    m_up.assign(NodeList::GetNNodes(), true);
    m_listeners.resize(m_net.servers.GetN());
    m_nextAddress.assign(m_net.clients.GetN(), 0);
    m_rrOpened.assign(m_net.clients.GetN(), 0);
    if (m_o.workload == "simultaneous-open")
    {
        Simulator::Schedule(m_o.start, &Workload::StartSimultaneousOpen, this);
        return;
    }
    for (uint32_t i = 0; i < m_net.servers.GetN(); ++i)
    {
        Listen(i);
    }
    m_arrivals = CreateObject<ExponentialRandomVariable>();
    m_arrivals->SetAttribute("Mean", DoubleValue(m_o.shortRate > 0 ? 1.0 / m_o.shortRate : 1.0));
    m_arrivals->SetStream(10);
    for (uint32_t c = 0; c < m_net.clients.GetN(); ++c)
    {
        if (m_o.workload == "short" || m_o.workload == "syn-flood")
        {
            Simulator::Schedule(m_o.start, &Workload::ScheduleShort, this, c, 0);
        }
        else if (m_o.workload == "request-response")
        {
            Simulator::Schedule(
                m_o.start, &Workload::OpenClient, this, c); // then one after another
        }
        else
        {
            for (uint64_t k = 0; k < ConnectionsPerClient(m_o); ++k)
            {
                Simulator::Schedule(m_o.start, &Workload::OpenClient, this, c);
            }
        }
    }
    if (m_o.workload == "syn-flood")
    {
        StartFlood();
    }
}

void
Workload::Listen(uint32_t server)
{
    Ptr<Socket> s = Socket::CreateSocket(m_net.servers.Get(server), TcpSocketFactory::GetTypeId());
    m_metrics->Watch(s);
    s->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_o.port));
    s->Listen();
    s->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                         Callback<void, Ptr<Socket>, const Address&>(
                             [this, server](Ptr<Socket> socket, const Address& from)
                             { OnAccept(server, socket, from); }));
    m_listeners[server] = s;
}

void
Workload::OnAccept(uint32_t server, Ptr<Socket> socket, const Address& from)
{
    auto c = std::make_unique<Connection>(*this, Connection::SERVER, socket, server);
    InetSocketAddress peer = InetSocketAddress::ConvertFrom(from);
    c->key = Key(peer.GetIpv4(), peer.GetPort());
    m_pairs[c->key].second = c.get();
    Connection* raw = c.get();
    m_conns[raw] = std::move(c);
    raw->Begin();
}

void
Workload::OpenClient(uint32_t client)
{
    Ptr<Node> node = m_net.clients.Get(client);
    if (!m_up[node->GetId()])
    {
        ++m_counts.skipped;
        return;
    }
    const std::vector<Ipv4Address>& mine = m_net.clientAddresses[client];
    Ipv4Address local = mine[m_nextAddress[client]++ % mine.size()];
    Ptr<Socket> s = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    m_metrics->Watch(s);
    if (s->Bind(InetSocketAddress(local, m_o.clientPort)) != 0)
    {
        ++m_counts.failed;
        NS_LOG_WARN("client " << client << ": cannot bind " << local << ":" << m_o.clientPort);
        return;
    }
    ++m_counts.started;
    auto c = std::make_unique<Connection>(*this, Connection::CLIENT, s, client);
    c->WatchConnect();
    Address name;
    s->GetSockName(name);
    c->key = Key(local, InetSocketAddress::ConvertFrom(name).GetPort());
    m_pairs[c->key].first = c.get();
    m_conns[c.get()] = std::move(c);
    s->Connect(InetSocketAddress(m_net.serverAddresses[client], m_o.port));
}

void
Workload::ScheduleShort(uint32_t client, uint64_t opened)
{
    OpenClient(client);
    if (++opened < m_o.shortCount)
    {
        Time gap = m_o.shortRate > 0 ? Seconds(m_arrivals->GetValue()) : m_o.shortInterval;
        Simulator::Schedule(gap, &Workload::ScheduleShort, this, client, opened);
    }
}

void
Workload::StartSimultaneousOpen()
{
    // RFC 9293 Figure 7: each end binds its port and connects to the other's.
    uint16_t clientPort = m_o.clientPort != 0 ? m_o.clientPort : 40000;
    Ptr<Socket> a = Socket::CreateSocket(m_net.clients.Get(0), TcpSocketFactory::GetTypeId());
    Ptr<Socket> b = Socket::CreateSocket(m_net.servers.Get(0), TcpSocketFactory::GetTypeId());
    m_metrics->Watch(a);
    m_metrics->Watch(b);
    Ipv4Address aAddress = m_net.clientAddresses[0][0];
    Ipv4Address bAddress = m_net.serverAddresses[0];
    a->Bind(InetSocketAddress(aAddress, clientPort));
    b->Bind(InetSocketAddress(bAddress, m_o.port));
    ++m_counts.started;
    auto ca = std::make_unique<Connection>(*this, Connection::CLIENT, a, 0);
    auto cb = std::make_unique<Connection>(*this, Connection::SERVER, b, 0);
    ca->key = cb->key = Key(aAddress, clientPort);
    ca->WatchConnect();
    // The server end's Connect succeeds too; it then behaves as a server.
    Connection* server = cb.get();
    b->SetConnectCallback(Callback<void, Ptr<Socket>>([server](Ptr<Socket>) { server->Begin(); }),
                          MakeNullCallback<void, Ptr<Socket>>());
    m_pairs[ca->key] = {ca.get(), cb.get()};
    m_conns[ca.get()] = std::move(ca);
    m_conns[cb.get()] = std::move(cb);
    a->Connect(InetSocketAddress(bAddress, m_o.port));
    b->Connect(InetSocketAddress(aAddress, clientPort));
}

void
Workload::StartFlood()
{
    Ptr<LifecycleTcpSynFloodApplication> flood = CreateObject<LifecycleTcpSynFloodApplication>();
    flood->SetAttribute("Remote",
                        AddressValue(InetSocketAddress(m_net.serverAddresses[0], m_o.port)));
    flood->SetAttribute("Rate", DoubleValue(m_o.floodRate));
    flood->SetAttribute("SpoofedNetwork", Ipv4AddressValue(m_o.floodNetwork));
    flood->SetAttribute("SpoofedMask", Ipv4MaskValue(m_o.floodMask));
    flood->SetStartTime(m_o.floodStart);
    flood->SetStopTime(m_o.floodStart + m_o.floodDuration);
    flood->AssignStreams(20);
    flood->TraceConnectWithoutContext("Syn",
                                      Callback<void, Ipv4Address, uint16_t, SequenceNumber32>(
                                          [this](Ipv4Address, uint16_t, SequenceNumber32)
                                          { ++m_counts.synsSent; }));
    m_net.clients.Get(0)->AddApplication(flood);
    // The victim answers the spoofed sources through its link (the SYN,ACKs
    // are then lost where nobody owns those addresses), as a host with a
    // default route does.
    Ptr<Node> server = m_net.servers.Get(0);
    Ptr<Ipv4> ip = server->GetObject<Ipv4>();
    Ipv4StaticRoutingHelper routing;
    Ptr<Ipv4StaticRouting> table = routing.GetStaticRouting(ip);
    uint32_t interface = 1;
    Ipv4Address gateway = m_o.topology == "p2p"
                              ? m_net.clientAddresses[0][0]
                              : Ipv4Address((m_net.serverAddresses[0].Get() & 0xffffff00) | 2);
    table->SetDefaultRoute(gateway, interface);
}

void
Workload::CloseBoth(uint64_t key)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return;
    }
    // Both Close() calls in the same event: the FINs cross (RFC 9293 Figure 13).
    auto [client, server] = it->second;
    if (client)
    {
        client->CloseNow();
    }
    if (server)
    {
        server->CloseNow();
    }
}

void
Workload::Forget(Connection* c)
{
    auto it = m_pairs.find(c->key);
    if (it != m_pairs.end())
    {
        if (it->second.first == c)
        {
            it->second.first = nullptr;
        }
        if (it->second.second == c)
        {
            it->second.second = nullptr;
        }
        if (!it->second.first && !it->second.second)
        {
            m_pairs.erase(it);
        }
    }
    // Deleted after the callback that got here returns.
    Simulator::ScheduleNow([this, c]() { m_conns.erase(c); });
}

void
Workload::NextRequestResponse(uint32_t client)
{
    // rr.connections connections, one after another.
    if (++m_rrOpened[client] < m_o.rrConnections)
    {
        Simulator::ScheduleNow(&Workload::OpenClient, this, client);
    }
}

void
Workload::NodeState(Ptr<Node> node, bool up)
{
    m_up[node->GetId()] = up;
    if (!up)
    {
        return;
    }
    for (uint32_t i = 0; i < m_net.servers.GetN(); ++i)
    {
        if (m_net.servers.Get(i) == node)
        {
            Listen(i); // the server application starts again
        }
    }
}

} // namespace tcplc
