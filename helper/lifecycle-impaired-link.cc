/*
 * tcp-lifecycle: a point-to-point link that loses, reorders and duplicates.
 */
#include "lifecycle-impaired-link.h"

#include "ns3/double.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/error-model.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleImpairedLink");
NS_OBJECT_ENSURE_REGISTERED(LifecycleImpairedChannel);

TypeId
LifecycleImpairedChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleImpairedChannel")
            .SetParent<PointToPointChannel>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleImpairedChannel>()
            .AddAttribute("ReorderProbability",
                          "Probability that a packet is held back by ReorderDelay, so that "
                          "packets sent after it overtake it.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&LifecycleImpairedChannel::m_reorderProbability),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("ReorderDelay",
                          "Extra delay of a packet held back.",
                          TimeValue(MilliSeconds(5)),
                          MakeTimeAccessor(&LifecycleImpairedChannel::m_reorderDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("DuplicateProbability",
                          "Probability that a packet is delivered twice.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&LifecycleImpairedChannel::m_duplicateProbability),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("DuplicateDelay",
                          "Time between a packet and its duplicate.",
                          TimeValue(MicroSeconds(100)),
                          MakeTimeAccessor(&LifecycleImpairedChannel::m_duplicateDelay),
                          MakeTimeChecker(Time(0)));
    return tid;
}

LifecycleImpairedChannel::LifecycleImpairedChannel()
    : m_reorderRng(CreateObject<UniformRandomVariable>())
    , m_duplicateRng(CreateObject<UniformRandomVariable>())
{
}

bool
LifecycleImpairedChannel::TransmitStart(Ptr<const Packet> p,
                                        Ptr<PointToPointNetDevice> src,
                                        Time txTime)
{
    NS_ASSERT(IsInitialized());
    if (m_down)
    {
        ++m_lostWhileDown; // sent into a cut cable
        return true;
    }
    uint32_t wire = src == GetSource(0) ? 0 : 1;
    Ptr<PointToPointNetDevice> dst = GetDestination(wire);
    Time arrival = txTime + GetDelay();
    if (m_reorderProbability > 0 && m_reorderRng->GetValue() < m_reorderProbability)
    {
        arrival += m_reorderDelay;
        ++m_reordered;
    }
    uint32_t context = dst->GetNode()->GetId();
    Simulator::ScheduleWithContext(
        context, arrival, &PointToPointNetDevice::Receive, dst, p->Copy());
    if (m_duplicateProbability > 0 && m_duplicateRng->GetValue() < m_duplicateProbability)
    {
        Simulator::ScheduleWithContext(
            context, arrival + m_duplicateDelay, &PointToPointNetDevice::Receive, dst, p->Copy());
        ++m_duplicated;
    }
    return true;
}

int64_t
LifecycleImpairedChannel::AssignStreams(int64_t stream)
{
    m_reorderRng->SetStream(stream);
    m_duplicateRng->SetStream(stream + 1);
    return 2;
}

void
LifecycleImpairedChannel::SetDown(bool down)
{
    m_down = down;
}

bool
LifecycleImpairedChannel::IsDown() const
{
    return m_down;
}

uint64_t
LifecycleImpairedChannel::GetLostWhileDownCount() const
{
    return m_lostWhileDown;
}

uint64_t
LifecycleImpairedChannel::GetReorderedCount() const
{
    return m_reordered;
}

uint64_t
LifecycleImpairedChannel::GetDuplicatedCount() const
{
    return m_duplicated;
}

LifecycleImpairedLinkHelper::LifecycleImpairedLinkHelper() = default;

void
LifecycleImpairedLinkHelper::SetDataRate(DataRate rate)
{
    m_rate = rate;
}

void
LifecycleImpairedLinkHelper::SetDelay(Time delay)
{
    m_delay = delay;
}

void
LifecycleImpairedLinkHelper::SetQueueSize(uint32_t packets)
{
    m_queuePackets = packets;
}

void
LifecycleImpairedLinkHelper::SetLoss(double aToB, double bToA)
{
    m_lossAToB = aToB;
    m_lossBToA = bToA;
}

void
LifecycleImpairedLinkHelper::SetReordering(double probability, Time extraDelay)
{
    m_reorderProbability = probability;
    m_reorderDelay = extraDelay;
}

void
LifecycleImpairedLinkHelper::SetDuplication(double probability, Time gap)
{
    m_duplicateProbability = probability;
    m_duplicateGap = gap;
}

NetDeviceContainer
LifecycleImpairedLinkHelper::Install(Ptr<Node> a, Ptr<Node> b)
{
    // As PointToPointHelper::Install does, with our channel.
    Ptr<LifecycleImpairedChannel> channel = CreateObject<LifecycleImpairedChannel>();
    channel->SetAttribute("Delay", TimeValue(m_delay));
    channel->SetAttribute("ReorderProbability", DoubleValue(m_reorderProbability));
    channel->SetAttribute("ReorderDelay", TimeValue(m_reorderDelay));
    channel->SetAttribute("DuplicateProbability", DoubleValue(m_duplicateProbability));
    channel->SetAttribute("DuplicateDelay", TimeValue(m_duplicateGap));
    m_random.push_back(channel);
    NetDeviceContainer devices;
    for (Ptr<Node> node : {a, b})
    {
        Ptr<PointToPointNetDevice> dev = CreateObject<PointToPointNetDevice>();
        dev->SetAddress(Mac48Address::Allocate());
        dev->SetDataRate(m_rate);
        node->AddDevice(dev);
        Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
        queue->SetMaxSize(QueueSize(QueueSizeUnit::PACKETS, m_queuePackets));
        dev->SetQueue(queue);
        Ptr<NetDeviceQueueInterface> ndqi = CreateObject<NetDeviceQueueInterface>();
        ndqi->GetTxQueue(0)->ConnectQueueTraces(queue);
        dev->AggregateObject(ndqi);
        dev->Attach(channel);
        devices.Add(dev);
    }
    // Loss on the receiving side of each direction.
    double lossInto[2] = {m_lossBToA, m_lossAToB};
    for (uint32_t i = 0; i < 2; ++i)
    {
        if (lossInto[i] > 0)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(lossInto[i]);
            devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
            m_random.push_back(em);
        }
    }
    return devices;
}

int64_t
LifecycleImpairedLinkHelper::AssignStreams(int64_t stream)
{
    int64_t current = stream;
    for (auto& obj : m_random)
    {
        if (auto channel = DynamicCast<LifecycleImpairedChannel>(obj))
        {
            current += channel->AssignStreams(current);
        }
        else if (auto em = DynamicCast<RateErrorModel>(obj))
        {
            current += em->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
