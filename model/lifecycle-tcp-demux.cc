/*
 * tcp-lifecycle: connection and listener tables.
 */
#include "lifecycle-tcp-demux.h"

#include <algorithm>

namespace ns3
{

size_t
LifecycleTcpFourTupleHash::operator()(const LifecycleTcpFourTuple& t) const
{
    uint64_t a = (static_cast<uint64_t>(t.localAddress.Get()) << 32) | t.remoteAddress.Get();
    uint64_t b = (static_cast<uint64_t>(t.localPort) << 16) | t.remotePort;
    // splitmix64 finaliser over the combined bits
    uint64_t x = a ^ (b * 0x9e3779b97f4a7c15ULL);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return static_cast<size_t>(x);
}

bool
LifecycleTcpDemux::AddConnection(const LifecycleTcpFourTuple& t, LifecycleTcpSocket* s)
{
    return m_connections.emplace(t, s).second;
}

void
LifecycleTcpDemux::RemoveConnection(const LifecycleTcpFourTuple& t, const LifecycleTcpSocket* s)
{
    auto it = m_connections.find(t);
    if (it != m_connections.end() && it->second == s)
    {
        m_connections.erase(it);
    }
}

LifecycleTcpSocket*
LifecycleTcpDemux::FindConnection(const LifecycleTcpFourTuple& t) const
{
    auto it = m_connections.find(t);
    return it == m_connections.end() ? nullptr : it->second;
}

size_t
LifecycleTcpDemux::GetConnectionCount() const
{
    return m_connections.size();
}

bool
LifecycleTcpDemux::AddBinding(Ipv4Address address, uint16_t port, LifecycleTcpSocket* s)
{
    auto& list = m_bindings[port];
    for (const auto& b : list)
    {
        // Only the same address on the same port conflicts; a wildcard and a
        // specific address may share a port (as with ns-3's Ipv4EndPointDemux),
        // and FindListener() prefers the specific one.
        if (b.address == address)
        {
            return false;
        }
    }
    list.push_back(Binding{address, s, false});
    return true;
}

void
LifecycleTcpDemux::RemoveBinding(uint16_t port, const LifecycleTcpSocket* s)
{
    auto it = m_bindings.find(port);
    if (it == m_bindings.end())
    {
        return;
    }
    auto& list = it->second;
    list.erase(
        std::remove_if(list.begin(), list.end(), [s](const Binding& b) { return b.socket == s; }),
        list.end());
    if (list.empty())
    {
        m_bindings.erase(it);
    }
}

bool
LifecycleTcpDemux::IsPortBound(uint16_t port) const
{
    return m_bindings.count(port) != 0;
}

bool
LifecycleTcpDemux::IsPortBoundFor(Ipv4Address address, uint16_t port) const
{
    auto it = m_bindings.find(port);
    if (it == m_bindings.end())
    {
        return false;
    }
    if (address.IsAny())
    {
        return true;
    }
    for (const auto& b : it->second)
    {
        if (b.address == address || b.address.IsAny())
        {
            return true;
        }
    }
    return false;
}

void
LifecycleTcpDemux::SetListening(uint16_t port, const LifecycleTcpSocket* s, bool listening)
{
    auto it = m_bindings.find(port);
    if (it == m_bindings.end())
    {
        return;
    }
    for (auto& b : it->second)
    {
        if (b.socket == s)
        {
            b.listening = listening;
        }
    }
}

LifecycleTcpSocket*
LifecycleTcpDemux::FindListener(Ipv4Address address, uint16_t port) const
{
    auto it = m_bindings.find(port);
    if (it == m_bindings.end())
    {
        return nullptr;
    }
    LifecycleTcpSocket* wildcard = nullptr;
    for (const auto& b : it->second)
    {
        if (!b.listening)
        {
            continue;
        }
        if (b.address == address)
        {
            return b.socket;
        }
        if (b.address.IsAny())
        {
            wildcard = b.socket;
        }
    }
    return wildcard;
}

void
LifecycleTcpDemux::Clear()
{
    m_connections.clear();
    m_bindings.clear();
}

} // namespace ns3
