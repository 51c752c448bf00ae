/*
 * tcp-lifecycle runner: the network of a scenario.
 */
#include "scenario-network.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lifecycle-tcp-stack-helper.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

namespace tcplc
{

using namespace ns3;

namespace
{

/// The buffer of \p devices: pfifo_fast of \p packets over a one-packet device queue.
void
SetBuffers(NetDeviceContainer devices, uint32_t packets)
{
    // Called before addresses are assigned, so the default queue disc is not there yet.
    TrafficControlHelper fifo;
    fifo.SetRootQueueDisc("ns3::PfifoFastQueueDisc",
                          "MaxSize",
                          QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, packets)));
    fifo.Install(devices);
}

/// A segment-dropping error model on \p device, in front of the one it had.
Ptr<LifecycleTcpSegmentErrorModel>
DropRulesOn(Ptr<NetDevice> device)
{
    Ptr<LifecycleTcpSegmentErrorModel> rules = CreateObject<LifecycleTcpSegmentErrorModel>();
    PointerValue existing;
    device->GetAttribute("ReceiveErrorModel", existing);
    rules->SetNext(existing.Get<ErrorModel>());
    device->SetAttribute("ReceiveErrorModel", PointerValue(rules));
    return rules;
}

/// Add aliases 10.x.y.(10+k) to the interface of \p device, after \p first.
std::vector<Ipv4Address>
WithAliases(Ptr<NetDevice> device, Ipv4Address first, uint32_t count)
{
    std::vector<Ipv4Address> all{first};
    Ptr<Ipv4> ip = device->GetNode()->GetObject<Ipv4>();
    int32_t interface = ip->GetInterfaceForDevice(device);
    for (uint32_t k = 1; k < count; ++k)
    {
        Ipv4Address alias((first.Get() & 0xffffff00) | (10 + k));
        ip->AddAddress(interface, Ipv4InterfaceAddress(alias, Ipv4Mask("255.255.255.0")));
        all.push_back(alias);
    }
    return all;
}

} // namespace

ScenarioNetwork
BuildNetwork(const ScenarioOptions& o, uint32_t addressesPerClient)
{
    ScenarioNetwork net;
    uint32_t pairs = o.topology == "dumbbell" ? o.pairs : 1;
    net.clients.Create(pairs);
    net.servers.Create(pairs);
    if (o.topology == "dumbbell")
    {
        net.routers.Create(2);
    }
    NodeContainer all(net.clients, net.servers, net.routers);
    if (o.stack == "custom")
    {
        LifecycleTcpStackHelper stack;
        stack.Install(all);
    }
    else
    {
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(all);
    }

    LifecycleImpairedLinkHelper link;
    link.SetDataRate(o.rate);
    link.SetDelay(o.delay);
    link.SetQueueSize(1); // the buffer is the queue disc (SetBuffers)
    link.SetLoss(o.lossForward, o.lossReverse);
    link.SetReordering(o.reorder, o.reorderDelay);
    link.SetDuplication(o.duplicate, o.duplicateDelay);

    if (o.topology == "p2p")
    {
        NetDeviceContainer d = link.Install(net.clients.Get(0), net.servers.Get(0));
        net.devices.Add(d);
        SetBuffers(d, o.queue);
        Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = addresses.Assign(d);
        net.clientAddresses.push_back(WithAliases(d.Get(0), ifs.GetAddress(0), addressesPerClient));
        net.serverAddresses.push_back(ifs.GetAddress(1));
        net.link = DynamicCast<LifecycleImpairedChannel>(d.Get(0)->GetChannel());
        net.toClient.push_back(DropRulesOn(d.Get(0)));
        net.toServer.push_back(DropRulesOn(d.Get(1)));
    }
    else
    {
        // Loss "forward" is on the way from the clients' router to the servers'.
        NetDeviceContainer bottleneck = link.Install(net.routers.Get(0), net.routers.Get(1));
        net.devices.Add(bottleneck);
        SetBuffers(bottleneck, o.queue);
        net.link = DynamicCast<LifecycleImpairedChannel>(bottleneck.Get(0)->GetChannel());
        Ipv4AddressHelper core("10.0.0.0", "255.255.255.252");
        core.Assign(bottleneck);

        PointToPointHelper access;
        access.SetDeviceAttribute("DataRate", DataRateValue(o.accessRate));
        access.SetChannelAttribute("Delay", TimeValue(o.accessDelay));
        access.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1p"));
        for (uint32_t i = 0; i < pairs; ++i)
        {
            NetDeviceContainer left = access.Install(net.clients.Get(i), net.routers.Get(0));
            NetDeviceContainer right = access.Install(net.servers.Get(i), net.routers.Get(1));
            net.devices.Add(left);
            net.devices.Add(right);
            SetBuffers(left, o.queue);
            SetBuffers(right, o.queue);
            std::string l = "10.1." + std::to_string(i + 1) + ".0";
            std::string r = "10.2." + std::to_string(i + 1) + ".0";
            Ipv4InterfaceContainer li = Ipv4AddressHelper(l.c_str(), "255.255.255.0").Assign(left);
            Ipv4InterfaceContainer ri = Ipv4AddressHelper(r.c_str(), "255.255.255.0").Assign(right);
            net.clientAddresses.push_back(
                WithAliases(left.Get(0), li.GetAddress(0), addressesPerClient));
            net.serverAddresses.push_back(ri.GetAddress(0));
            net.toClient.push_back(DropRulesOn(left.Get(0)));
            net.toServer.push_back(DropRulesOn(right.Get(0)));
        }
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    }
    link.AssignStreams(100); // the link's randomness follows the seed and run only
    return net;
}

} // namespace tcplc
