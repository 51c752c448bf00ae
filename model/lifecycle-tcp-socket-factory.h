/*
 * tcp-lifecycle: the socket factory aggregated to a node.
 *
 * It is an ns3::TcpSocketFactory, so Socket::CreateSocket(node,
 * TcpSocketFactory::GetTypeId()) -- what PacketSink, BulkSendApplication and
 * OnOffApplication call -- returns a socket of this model.
 */
#ifndef LIFECYCLE_TCP_SOCKET_FACTORY_H
#define LIFECYCLE_TCP_SOCKET_FACTORY_H

#include "ns3/ptr.h"
#include "ns3/tcp-socket-factory.h"

namespace ns3
{

class LifecycleTcpL4Protocol;

/**
 * \ingroup tcp-lifecycle
 * \brief Creates LifecycleTcpSocket objects for the applications of a node.
 */
class LifecycleTcpSocketFactory : public TcpSocketFactory
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    /// \param tcp the node's TCP layer
    void SetTcp(Ptr<LifecycleTcpL4Protocol> tcp);

    /// \return a new socket of the tcp-lifecycle model
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<LifecycleTcpL4Protocol> m_tcp; //!< the node's TCP layer
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SOCKET_FACTORY_H */
