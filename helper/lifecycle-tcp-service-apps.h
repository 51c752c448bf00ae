/*
 * tcp-lifecycle: service applications -- echo, discard, bulk and a minimal
 * HTTP/1.0 server -- as ns-3 applications, on either end of a connection.
 *
 * They run on whatever TCP the node has (sockets from TcpSocketFactory): on
 * a node installed with LifecycleTcpStackHelper, this model. They are what
 * the emulation (LifecycleTcpEmulationHelper, tcp-lifecycle --emulate) puts
 * on the simulated node, so that real programs on the host -- a Python
 * socket client, nc, curl -- talk to the model; they work between simulated
 * nodes just as well. LifecycleTcpServiceConnection describes the services.
 */
#ifndef LIFECYCLE_TCP_SERVICE_APPS_H
#define LIFECYCLE_TCP_SERVICE_APPS_H

#include "lifecycle-tcp-service-connection.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <memory>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Listens on Port and serves every connection with Service.
 *
 * \code
 *   Ptr<LifecycleTcpServiceServer> http = CreateObject<LifecycleTcpServiceServer>();
 *   http->SetAttribute("Service", EnumValue(LifecycleTcpServiceConnection::HTTP));
 *   http->SetAttribute("Port", UintegerValue(80));
 *   node->AddApplication(http);      // curl http://<node>/10MB fetches 10 MB
 * \endcode
 *
 * Trace source Done: each connection once it is done (its socket in
 * TIME_WAIT or CLOSED, or failed), with what happened on it.
 */
class LifecycleTcpServiceServer : public Application
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LifecycleTcpServiceServer();
    ~LifecycleTcpServiceServer() override;

    /// \return the listening socket (null before the application starts)
    Ptr<Socket> GetListener() const;
    /// \return connections accepted so far
    uint64_t GetAccepted() const;

    /// TracedCallback signature of the Done trace source.
    typedef void (*DoneTracedCallback)(const LifecycleTcpServiceOutcome& outcome);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void OnAccept(Ptr<Socket> socket, const Address& from);
    void OnDone(LifecycleTcpServiceConnection* connection);

    uint16_t m_port{80};                              //!< Port
    LifecycleTcpServiceConnection::Service m_service; //!< Service
    std::string m_reply;                              //!< Reply
    uint64_t m_bytes{0};                              //!< Bytes
    bool m_closeFirst{false};                         //!< CloseFirst
    Ptr<Socket> m_listener;                           //!< the listening socket
    uint64_t m_accepted{0};                           //!< connections accepted
    std::map<LifecycleTcpServiceConnection*, std::unique_ptr<LifecycleTcpServiceConnection>>
        m_connections;                                        //!< live connections
    TracedCallback<const LifecycleTcpServiceOutcome&> m_done; //!< Done
};

/**
 * \ingroup tcp-lifecycle
 * \brief Connects to Remote and runs Service on the connection; Connections
 * connections, one after another.
 *
 * \code
 *   Ptr<LifecycleTcpServiceClient> client = CreateObject<LifecycleTcpServiceClient>();
 *   client->SetAttribute("Remote", AddressValue(InetSocketAddress(host, 9000)));
 *   client->SetAttribute("Service", EnumValue(LifecycleTcpServiceConnection::BULK));
 *   client->SetAttribute("Bytes", UintegerValue(10000000));
 *   node->AddApplication(client);
 * \endcode
 *
 * Trace source Done: each connection once it is done or has failed.
 */
class LifecycleTcpServiceClient : public Application
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LifecycleTcpServiceClient();
    ~LifecycleTcpServiceClient() override;

    /// \return connections opened so far
    uint64_t GetOpened() const;

    /// TracedCallback signature of the Done trace source.
    typedef void (*DoneTracedCallback)(const LifecycleTcpServiceOutcome& outcome);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    /// \brief Open the next connection.
    void Open();
    void OnDone(LifecycleTcpServiceConnection* connection);

    Address m_remote;                                            //!< Remote
    uint16_t m_localPort{0};                                     //!< LocalPort
    uint32_t m_connections{1};                                   //!< Connections
    LifecycleTcpServiceConnection::Service m_service;            //!< Service
    std::string m_message;                                       //!< Message
    uint64_t m_bytes{0};                                         //!< Bytes
    bool m_closeFirst{false};                                    //!< CloseFirst
    uint64_t m_opened{0};                                        //!< connections opened
    bool m_running{false};                                       //!< between start and stop
    std::unique_ptr<LifecycleTcpServiceConnection> m_connection; //!< the live connection
    TracedCallback<const LifecycleTcpServiceOutcome&> m_done;    //!< Done
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SERVICE_APPS_H */
