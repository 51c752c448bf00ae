/*
 * tcp-lifecycle: install the model on nodes.
 */
#include "lifecycle-tcp-stack-helper.h"

#include "lifecycle-tcp-l4-protocol.h"

#include "ns3/node.h"

namespace ns3
{

LifecycleTcpStackHelper::LifecycleTcpStackHelper()
{
    SetTcp("ns3::LifecycleTcpL4Protocol");
    SetIpv6StackInstall(false);
}

Ptr<LifecycleTcpL4Protocol>
LifecycleTcpStackHelper::GetTcp(Ptr<Node> node)
{
    return node->GetObject<LifecycleTcpL4Protocol>();
}

int64_t
LifecycleTcpStackHelper::AssignStreams(NodeContainer c, int64_t stream)
{
    int64_t current = stream + InternetStackHelper::AssignStreams(c, stream);
    for (auto it = c.Begin(); it != c.End(); ++it)
    {
        Ptr<LifecycleTcpL4Protocol> tcp = GetTcp(*it);
        if (tcp)
        {
            current += tcp->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
