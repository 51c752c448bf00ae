/*
 * tcp-lifecycle: the socket factory aggregated to a node.
 */
#include "lifecycle-tcp-socket-factory.h"

#include "lifecycle-tcp-l4-protocol.h"

#include "ns3/socket.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpSocketFactory);

TypeId
LifecycleTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LifecycleTcpSocketFactory")
                            .SetParent<TcpSocketFactory>()
                            .SetGroupName("TcpLifecycle");
    return tid;
}

void
LifecycleTcpSocketFactory::SetTcp(Ptr<LifecycleTcpL4Protocol> tcp)
{
    m_tcp = tcp;
}

Ptr<Socket>
LifecycleTcpSocketFactory::CreateSocket()
{
    return m_tcp->CreateSocket();
}

void
LifecycleTcpSocketFactory::DoDispose()
{
    m_tcp = nullptr;
    TcpSocketFactory::DoDispose();
}

} // namespace ns3
