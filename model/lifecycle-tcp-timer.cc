/*
 * tcp-lifecycle: a restartable timer with lazy rescheduling.
 */
#include "lifecycle-tcp-timer.h"

#include "ns3/assert.h"
#include "ns3/simulator.h"

namespace ns3
{

LifecycleTcpTimer::~LifecycleTcpTimer()
{
    Cancel();
}

void
LifecycleTcpTimer::SetFunction(Callback<void> expire)
{
    m_expire = expire;
    m_method = nullptr;
}

void
LifecycleTcpTimer::Start(Time delay)
{
    NS_ASSERT_MSG(!delay.IsStrictlyNegative(), "timer delay must not be negative");
    m_deadline = Simulator::Now() + delay;
    m_running = true;
    if (m_event.IsRunning())
    {
        if (static_cast<int64_t>(m_event.GetTs()) <= m_deadline.GetTimeStep())
        {
            return; // fires early, then re-arms for the remainder
        }
        m_event.Cancel();
    }
    m_event = Simulator::Schedule(delay, &LifecycleTcpTimer::Fire, this);
}

void
LifecycleTcpTimer::Stop()
{
    m_running = false;
}

void
LifecycleTcpTimer::Cancel()
{
    m_running = false;
    if (m_event.IsRunning())
    {
        // Remove, not Cancel: a cancelled event stays queued and still moves
        // the clock when its time comes. (Both are no-ops once the simulator
        // has been destroyed.)
        Simulator::Remove(m_event);
    }
    m_event = EventId();
}

Time
LifecycleTcpTimer::GetDelayLeft() const
{
    if (!m_running)
    {
        return Time(0);
    }
    return m_deadline - Simulator::Now();
}

void
LifecycleTcpTimer::Fire()
{
    m_event = EventId();
    if (!m_running)
    {
        return;
    }
    Time now = Simulator::Now();
    if (now < m_deadline)
    {
        m_event = Simulator::Schedule(m_deadline - now, &LifecycleTcpTimer::Fire, this);
        return;
    }
    m_running = false;
    if (m_method)
    {
        m_method(m_owner);
    }
    else
    {
        m_expire();
    }
}

} // namespace ns3
