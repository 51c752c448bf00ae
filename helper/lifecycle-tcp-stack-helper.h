/*
 * tcp-lifecycle: install the model on nodes.
 *
 * An InternetStackHelper whose TCP is LifecycleTcpL4Protocol: IPv4, ARP, ICMP,
 * UDP and routing are ns-3's own, TCP is this model. Nodes installed with a
 * plain InternetStackHelper in the same simulation keep ns-3's native TCP.
 */
#ifndef LIFECYCLE_TCP_STACK_HELPER_H
#define LIFECYCLE_TCP_STACK_HELPER_H

#include "ns3/internet-stack-helper.h"
#include "ns3/node-container.h"

namespace ns3
{

class LifecycleTcpL4Protocol;

/**
 * \ingroup tcp-lifecycle
 * \brief Installs an internet stack whose TCP is the tcp-lifecycle model.
 *
 * \code
 *   LifecycleTcpStackHelper stack;
 *   stack.Install(nodes);   // PacketSink, BulkSend, OnOff now run on this TCP
 * \endcode
 *
 * IPv6 is not installed by default: the model is TCP over IPv4.
 */
class LifecycleTcpStackHelper : public InternetStackHelper
{
  public:
    LifecycleTcpStackHelper();

    /**
     * \param node a node installed by this helper
     * \return its TCP layer, or nullptr when the node runs another TCP
     */
    static Ptr<LifecycleTcpL4Protocol> GetTcp(Ptr<Node> node);

    /**
     * \brief Fix the random streams of the nodes' stacks, this TCP's included
     * (its RFC 6528 ISN key), so results do not depend on how many random
     * variables the script created before.
     * \param c the nodes
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(NodeContainer c, int64_t stream);
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_STACK_HELPER_H */
