/*
 * tcp-lifecycle: the record the metrics collector keeps of one connection.
 */
#include "lifecycle-tcp-connection-record.h"

namespace ns3
{

std::string
LifecycleTcpOpenerName(LifecycleTcpOpener o)
{
    switch (o)
    {
        case LifecycleTcpOpener::NONE:
            return "none";
        case LifecycleTcpOpener::ACTIVE:
            return "active";
        case LifecycleTcpOpener::PASSIVE:
            return "passive";
        case LifecycleTcpOpener::SIMULTANEOUS:
            return "simultaneous";
        case LifecycleTcpOpener::LISTENER:
            return "listener";
    }
    return "none";
}

std::string
LifecycleTcpCloserName(LifecycleTcpCloser c)
{
    switch (c)
    {
        case LifecycleTcpCloser::NONE:
            return "none";
        case LifecycleTcpCloser::ACTIVE:
            return "active";
        case LifecycleTcpCloser::PASSIVE:
            return "passive";
        case LifecycleTcpCloser::SIMULTANEOUS:
            return "simultaneous";
    }
    return "none";
}

void
LifecycleTcpConnectionRecord::Begin(Time now,
                                    LifecycleTcpState initial,
                                    bool known,
                                    bool entryKnown)
{
    createdAt = now;
    stateSince = now;
    state = initial;
    stateKnown = known;
    if (known)
    {
        LifecycleTcpStateTime& s = states[initial];
        s.entries = 1;
        if (entryKnown)
        {
            s.firstEntry = now;
            if (initial != TcpSocket::CLOSED)
            {
                openedAt = now;
            }
        }
    }
}

void
LifecycleTcpConnectionRecord::Transition(Time now, LifecycleTcpState from, LifecycleTcpState to)
{
    if (!stateKnown)
    {
        // A native socket found after its last transition: it has been in
        // `from` since it was first seen (its entry time is not known).
        stateKnown = true;
        state = from;
        states[from].entries = 1;
        if (from != TcpSocket::CLOSED && !openedAt)
        {
            openedAt = stateSince;
        }
    }
    bool instantInFrom = now == stateSince;
    states[from].total += now - stateSince;
    state = to;
    stateSince = now;
    LifecycleTcpStateTime& s = states[to];
    if (!s.firstEntry)
    {
        s.firstEntry = now;
    }
    ++s.entries;

    if (from == TcpSocket::CLOSED && !openedAt)
    {
        openedAt = now;
    }
    // Opener (RFC 9293 Figure 5): Connect, a fork's SYN, or a crossing SYN.
    switch (to)
    {
        case TcpSocket::LISTEN:
            if (opener == LifecycleTcpOpener::NONE)
            {
                opener = LifecycleTcpOpener::LISTENER;
            }
            break;
        case TcpSocket::SYN_SENT:
            opener = LifecycleTcpOpener::ACTIVE; // also a listener that connects (Figure 5's SEND)
            if (!synAt)
            {
                synAt = now;
            }
            break;
        case TcpSocket::SYN_RCVD:
            if (from == TcpSocket::SYN_SENT)
            {
                opener = LifecycleTcpOpener::SIMULTANEOUS;
            }
            else if (opener == LifecycleTcpOpener::NONE || opener == LifecycleTcpOpener::LISTENER)
            {
                opener = LifecycleTcpOpener::PASSIVE;
            }
            if (!synAt)
            {
                synAt = now;
            }
            break;
        case TcpSocket::ESTABLISHED:
            if (!establishedAt)
            {
                establishedAt = now;
            }
            break;
        // Closer: who sent the first FIN.
        case TcpSocket::FIN_WAIT_1:
            if (closer == LifecycleTcpCloser::NONE)
            {
                closer = LifecycleTcpCloser::ACTIVE;
            }
            break;
        case TcpSocket::CLOSE_WAIT:
            if (closer == LifecycleTcpCloser::NONE)
            {
                closer = LifecycleTcpCloser::PASSIVE;
            }
            break;
        case TcpSocket::CLOSING:
            closer = LifecycleTcpCloser::SIMULTANEOUS;
            break;
        case TcpSocket::TIME_WAIT:
            // ns-3's native TCP passes through CLOSING for no time when the
            // peer's FIN arrives with the ACK of ours: that is an active close,
            // not a simultaneous one (whose CLOSING waits for an ACK).
            if (from == TcpSocket::CLOSING && instantInFrom && states[from].entries == 1
                && closer == LifecycleTcpCloser::SIMULTANEOUS
                && states[TcpSocket::FIN_WAIT_1].entries > 0)
            {
                closer = LifecycleTcpCloser::ACTIVE;
            }
            break;
        case TcpSocket::CLOSED:
            closedAt = now;
            break;
        default:
            break;
    }
}

void
LifecycleTcpConnectionRecord::Settle(Time now)
{
    if (stateKnown && !closedAt)
    {
        states[state].total += now - stateSince;
        stateSince = now;
    }
}

void
LifecycleTcpConnectionRecord::TakeStats(const LifecycleTcpConnectionStats& s)
{
    bytesAppSent = s.bytesFromApp;
    bytesAcked = s.bytesAcked;
    bytesAppReceived = s.bytesToApp;
    bytesRetransmitted = s.bytesRetransmitted;
    segmentsSent = s.segmentsSent;
    segmentsReceived = s.segmentsReceived;
    retransmissions = s.retransmissions;
    rtoExpirations = s.rtoExpirations;
    maxBackoff = s.maxBackoff;
    rttSamples = s.rttSamples;
    if (s.rttSamples > 0)
    {
        rttMin = s.rttMin;
        rttMax = s.rttMax;
        rttMean = s.rttSum / static_cast<int64_t>(s.rttSamples);
    }
    else
    {
        rttMin.reset();
        rttMax.reset();
        rttMean.reset();
    }
    for (size_t i = 0; i < drops.size(); ++i)
    {
        drops[i] = s.drops[i];
    }
    resetsSent = s.resetsSent;
    resetsReceived = s.resetsReceived;
    if (s.firstFinAt != Time::Max())
    {
        firstFinAt = s.firstFinAt;
    }
    end = s.end;
}

std::optional<Time>
LifecycleTcpConnectionRecord::HandshakeTime() const
{
    if (!synAt || !establishedAt)
    {
        return std::nullopt;
    }
    return *establishedAt - *synAt;
}

std::optional<Time>
LifecycleTcpConnectionRecord::CloseTime() const
{
    if (!firstFinAt || !closedAt)
    {
        return std::nullopt;
    }
    return *closedAt - *firstFinAt;
}

std::optional<Time>
LifecycleTcpConnectionRecord::TimeWaitTime() const
{
    if (states[TcpSocket::TIME_WAIT].entries == 0)
    {
        return std::nullopt;
    }
    return states[TcpSocket::TIME_WAIT].total;
}

std::optional<Time>
LifecycleTcpConnectionRecord::Lifetime(Time end) const
{
    if (!openedAt)
    {
        return std::nullopt;
    }
    return (closedAt ? *closedAt : end) - *openedAt;
}

uint32_t
LifecycleTcpConnectionRecord::TotalRetransmissions() const
{
    uint32_t n = 0;
    for (uint32_t r : retransmissions)
    {
        n += r;
    }
    return n;
}

bool
LifecycleTcpConnectionRecord::IsConnection() const
{
    return opener != LifecycleTcpOpener::LISTENER
           && (opener != LifecycleTcpOpener::NONE || remotePort != 0);
}

bool
LifecycleTcpConnectionRecord::IsWorthWriting() const
{
    return opener == LifecycleTcpOpener::LISTENER || IsConnection();
}

} // namespace ns3
