using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Telecom.PyOps;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The phone's network search (domain-telecom §3.4): the only place where connection status,
/// technology and signal are recomputed, so agent-side line changes reach the phone's service
/// state only at the next search. The result is computed first and stored at the end: a broken
/// setting that makes the computation fail leaves the device unchanged, as in the reference.
/// </summary>
internal static class NetworkSearch
{
    public static void Run(PyRecord device, PyRecord surroundings)
    {
        object? sim = PyValue.Truthy(device["sim_card_missing"]) ? "missing" : device["sim_card_status"];
        object? status, technology, signal;
        if (PyEquality.Equals(sim, "active"))
        {
            status = "connected";
            var strengths = Attr(surroundings, "signal_strength");
            object? pref = device["network_mode_preference"];
            if (PyEquality.Equals(pref, "4g_5g_preferred"))
            {
                var fiveG = SignalFor(strengths, "5G");
                (technology, signal) = PyEquality.Equals(fiveG, "none") ? ("4G", SignalFor(strengths, "4G")) : ("5G", fiveG);
            }
            else
            {
                technology = PyEquality.Equals(pref, "4g_only") ? "4G"
                    : PyEquality.Equals(pref, "3g_only") ? "3G"
                    : PyEquality.Equals(pref, "2g_only") ? "2G"
                    : "4G"; // any other stored value falls back to 4G
                signal = SignalFor(strengths, (string)technology);
            }
        }
        else
        {
            (status, technology, signal) = ("no_service", "none", "none");
        }

        if (PyValue.Truthy(device["airplane_mode"])) (status, technology, signal) = ("no_service", "none", "none");
        if (PyEquality.Equals(Attr(device["active_apn_settings"], "apn_name"), "broken")) (status, technology, signal) = ("no_service", "none", "none");
        if (!PyValue.Truthy(Attr(surroundings, "line_active"))) (status, technology, signal) = ("no_service", "none", "none");

        device["network_connection_status"] = status;
        device["network_technology_connected"] = technology;
        device["network_signal_strength"] = signal;
    }

    private static object? SignalFor(object? strengths, string technology) =>
        strengths is PyDict d && d.TryGetValue(technology, out var s) ? s : "none";
}
