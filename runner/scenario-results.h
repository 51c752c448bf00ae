/*
 * tcp-lifecycle runner: the results folder of a run, simulated or emulated.
 *
 * The metrics collector writes its four files there; scenario.ini records
 * the effective options; pcap/ receives the captures, written in a
 * temporary folder and moved into place when the run is over. Earlier
 * results in the folder are removed first, and every file appears only
 * complete.
 */
#ifndef TCP_LIFECYCLE_SCENARIO_RESULTS_H
#define TCP_LIFECYCLE_SCENARIO_RESULTS_H

#include "scenario-options.h"

#include "ns3/lifecycle-tcp-metrics.h"

#include <filesystem>
#include <string>
#include <vector>

namespace tcplc
{

/// The results folder of one run.
class ResultsFolder
{
  public:
    /**
     * \brief Prepare o.out: the metrics collector writes there, earlier
     * scenario.ini and pcap/ are removed.
     * \param o the options
     * \throw ScenarioError when the folder cannot be created or written
     */
    explicit ResultsFolder(const ScenarioOptions& o);

    /// \return the metrics collector (nothing installed yet)
    ns3::Ptr<ns3::LifecycleTcpMetrics> Metrics() const;

    /**
     * \brief Where captures go until the run is over.
     * \param file a file name in pcap/ (with pcap = true)
     * \return its path in the temporary folder
     */
    std::string PcapPath(const std::string& file);

    /**
     * \brief The run is over: write the metrics and scenario.ini, end the
     * simulation (Simulator::Destroy, which closes the captures), move the
     * captures into pcap/.
     * \return empty on success; otherwise what could not be written
     */
    std::string Finish();

    /// \return the files in pcap/ after Finish
    const std::vector<std::string>& PcapFiles() const;
    /// \return the files of the folder, as the closing report lists them (after Finish)
    std::string FileList() const;

  private:
    const ScenarioOptions& m_o;
    ns3::Ptr<ns3::LifecycleTcpMetrics> m_metrics;
    std::filesystem::path m_folder;
    std::filesystem::path m_pcapTmp;
    std::vector<std::string> m_pcaps;
};

} // namespace tcplc

#endif /* TCP_LIFECYCLE_SCENARIO_RESULTS_H */
