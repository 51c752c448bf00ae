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

} // namespace ns3
