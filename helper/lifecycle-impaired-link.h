/*
 * tcp-lifecycle: a point-to-point link that loses, reorders and duplicates.
 *
 * Loss uses ns-3's RateErrorModel on the receiving device, one per direction.
 * Reordering and duplication need the channel: LifecycleImpairedChannel is a
 * PointToPointChannel that holds some packets back for an extra delay (so the
 * ones behind overtake them) and delivers some twice.
 */
#ifndef LIFECYCLE_IMPAIRED_LINK_H
#define LIFECYCLE_IMPAIRED_LINK_H

#include "ns3/data-rate.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <string>

namespace ns3
{

class PointToPointNetDevice;

/**
 * \ingroup tcp-lifecycle
 * \brief A point-to-point channel that reorders and duplicates packets.
 */
class LifecycleImpairedChannel : public PointToPointChannel
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LifecycleImpairedChannel();

    bool TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime) override;

    /**
     * \brief Use fixed random streams.
     * \param stream first stream
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// \return packets held back so far
    uint64_t GetReorderedCount() const;
    /// \return packets delivered twice so far
    uint64_t GetDuplicatedCount() const;

    /**
     * \brief Cut the link (or mend it): while down, every frame sent is lost
     * on the wire, in both directions, as with an unplugged cable; the
     * devices and IP do not notice.
     * \param down true to cut
     */
    void SetDown(bool down);
    /// \return true while the link is down
    bool IsDown() const;
    /// \return frames lost while the link was down
    uint64_t GetLostWhileDownCount() const;

  private:
    bool m_down{false};                        //!< the link is cut
    uint64_t m_lostWhileDown{0};               //!< counter
    double m_reorderProbability{0};            //!< ReorderProbability
    Time m_reorderDelay;                       //!< ReorderDelay
    double m_duplicateProbability{0};          //!< DuplicateProbability
    Time m_duplicateDelay;                     //!< DuplicateDelay
    Ptr<UniformRandomVariable> m_reorderRng;   //!< draws for reordering
    Ptr<UniformRandomVariable> m_duplicateRng; //!< draws for duplication
    uint64_t m_reordered{0};                   //!< counter
    uint64_t m_duplicated{0};                  //!< counter
};

/**
 * \ingroup tcp-lifecycle
 * \brief Builds point-to-point links with loss, reordering and duplication.
 *
 * \code
 *   LifecycleImpairedLinkHelper link;
 *   link.SetDataRate(DataRate("10Mbps"));
 *   link.SetDelay(MilliSeconds(10));
 *   link.SetLoss(0.01, 0.01);          // 1 % each way
 *   link.SetReordering(0.02, MilliSeconds(5));
 *   NetDeviceContainer devices = link.Install(a, b);
 * \endcode
 */
class LifecycleImpairedLinkHelper
{
  public:
    LifecycleImpairedLinkHelper();

    /// \param rate the devices' data rate
    void SetDataRate(DataRate rate);
    /// \param delay the one-way propagation delay
    void SetDelay(Time delay);
    /// \param packets the transmit queue of each device, in packets
    void SetQueueSize(uint32_t packets);
    /**
     * \param aToB probability that a packet from the first node is lost
     * \param bToA probability that a packet from the second node is lost
     */
    void SetLoss(double aToB, double bToA);
    /**
     * \param probability that a packet is held back
     * \param extraDelay how long it is held back
     */
    void SetReordering(double probability, Time extraDelay);
    /**
     * \param probability that a packet is delivered twice
     * \param gap time between the two copies
     */
    void SetDuplication(double probability, Time gap);

    /**
     * \brief Connect two nodes.
     * \return the devices, the first node's first
     */
    NetDeviceContainer Install(Ptr<Node> a, Ptr<Node> b);

    /**
     * \brief Use fixed random streams for the links installed so far.
     * \param stream first stream
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    DataRate m_rate{"10Mbps"};         //!< data rate
    Time m_delay{MilliSeconds(10)};    //!< propagation delay
    uint32_t m_queuePackets{100};      //!< queue size
    double m_lossAToB{0};              //!< loss first -> second
    double m_lossBToA{0};              //!< loss second -> first
    double m_reorderProbability{0};    //!< reordering
    Time m_reorderDelay;               //!< reordering delay
    double m_duplicateProbability{0};  //!< duplication
    Time m_duplicateGap;               //!< duplication gap
    std::vector<Ptr<Object>> m_random; //!< channels and error models installed
};

} // namespace ns3

#endif /* LIFECYCLE_IMPAIRED_LINK_H */
