/*
 * tcp-lifecycle runner: the results folder of a run.
 */
#include "scenario-results.h"

#include "ns3/boolean.h"
#include "ns3/simulator.h"

#include <fstream>

namespace tcplc
{

using namespace ns3;
namespace fs = std::filesystem;

namespace
{
/// Write \p text to \p path through a temporary name.
bool
WriteFileAtomically(const fs::path& path, const std::string& text)
{
    fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream f(tmp);
        f << text;
        if (!f.flush())
        {
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}
} // namespace

ResultsFolder::ResultsFolder(const ScenarioOptions& o)
    : m_o(o)
    , m_metrics(CreateObject<LifecycleTcpMetrics>())
    , m_folder(o.out)
    , m_pcapTmp(fs::path(o.out) / ".pcap.tmp")
{
    m_metrics->SetAttribute("Series", BooleanValue(o.series));
    m_metrics->SetAttribute("Segments", BooleanValue(o.segments));
    std::string error;
    if (!m_metrics->SetOutputDirectory(o.out, &error))
    {
        // "cannot write metrics to 'DIR': why"
        throw ScenarioError("--out: '" + o.out + "' cannot be used ("
                            + error.substr(error.rfind("': ") + 3)
                            + "); give a folder that can be created and written");
    }
    std::error_code ec;
    fs::remove(m_folder / "scenario.ini", ec);
    fs::remove_all(m_folder / "pcap", ec);
    fs::remove_all(m_pcapTmp, ec);
}

Ptr<LifecycleTcpMetrics>
ResultsFolder::Metrics() const
{
    return m_metrics;
}

std::string
ResultsFolder::PcapPath(const std::string& file)
{
    std::error_code ec;
    fs::create_directories(m_pcapTmp, ec);
    return (m_pcapTmp / file).string();
}

std::string
ResultsFolder::Finish()
{
    std::string error;
    bool ok = m_metrics->Write(&error);
    if (ok && !WriteFileAtomically(m_folder / "scenario.ini", m_o.ToIni()))
    {
        ok = false;
        error = "scenario.ini could not be written";
    }
    Simulator::Destroy(); // closes the pcap files
    std::error_code ec;
    if (m_o.pcap)
    {
        if (ok)
        {
            fs::rename(m_pcapTmp, m_folder / "pcap", ec);
            if (ec)
            {
                ok = false;
                error = "pcap/ could not be moved into place";
            }
            for (const auto& f : fs::directory_iterator(m_folder / "pcap", ec))
            {
                m_pcaps.push_back(f.path().filename().string());
            }
        }
        fs::remove_all(m_pcapTmp, ec);
    }
    return ok ? "" : (error.empty() ? "the results could not be written" : error);
}

std::string
ResultsFolder::FileList() const
{
    return std::string("connections.csv transitions.csv retransmissions.csv")
           + (m_o.series ? " series.csv" : "") + (m_o.segments ? " segments.csv" : "")
           + " summary.json scenario.ini"
           + (m_o.pcap ? " pcap/ (" + std::to_string(m_pcaps.size()) + " files)" : "");
}

const std::vector<std::string>&
ResultsFolder::PcapFiles() const
{
    return m_pcaps;
}

} // namespace tcplc
