<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::ActivityChart</name>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTab</name>
    <message>
        <source>End stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n active stream</numerusform>
            <numerusform>%n active streams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transcode(s)</source>
        <translation>
            <numerusform>%n transcode</numerusform>
            <numerusform>%n transcodes</numerusform>
        </translation>
    </message>
    <message>
        <source>out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttle stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap for %1&apos;s stream in kB/s (0 = no cap):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTableModel</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGrid</name>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search albums by title or artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln albums</source>
        <translation>
            <numerusform>%L1 of %Ln album</numerusform>
            <numerusform>%L1 of %Ln albums</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln albums</source>
        <translation>
            <numerusform>%Ln album</numerusform>
            <numerusform>%Ln albums</numerusform>
        </translation>
    </message>
    <message>
        <source>No album title or artist matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGridModel</name>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::AppPasswordsDialog</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New app password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App passwords of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New app password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name that says where it is used, e.g. &quot;Symfonium on my phone&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke app password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the app password &quot;%1&quot;? Apps using it are refused at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password instead of the account password. Give each app its own, so you can revoke it alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this in the app now: it will not be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::DesktopWindow</name>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLNA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. Those marked * take effect when Cairn starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::DlnaTab</name>
    <message>
        <source>Serve the library to DLNA devices on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLNA has no passwords: every device on the chosen networks sees what the account below may see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account whose folders are shared:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on the network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network interfaces (names or addresses, separated by commas):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose an account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (administrator: sees everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, but no network interface matches yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunSetup</name>
    <message>
        <source>Cannot add %1 to the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLNA could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunWizard</name>
    <message>
        <source>Welcome to Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You log in with it in the browser and in apps. There is no default password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your music and videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn serves the folders ticked here; you can change them later in the Library tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones, TVs and computers on my home network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let TVs and speakers find the library by DLNA (they need no password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address on a phone, a TV or another computer at home, or scan the code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::LibraryTab</name>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add %1 to the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the folder from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its tracks leave the catalog; the files on disk are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::LogTableModel</name>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fatal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::LoginStart</name>
    <message>
        <source>Cannot change %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the Cairn media server in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::LogsTab</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::MainWindow</name>
    <message>
        <source>Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::OptimisedTab</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimised versions are made ahead of time, one at a time at low priority, and pause while someone watches a live transcode. Administrators ask for them in the web app, for a video or a whole library folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused while someone watches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdated: the video file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 used by optimised versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::PresetEditorPane</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTab</name>
    <message>
        <source>Transcoding presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcode cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n file</numerusform>
            <numerusform>%1 in %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a track to try the preset on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcoding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 s: %3 kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video (HLS) presets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabForm</name>
    <message>
        <source> kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the new preset, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabTrial</name>
    <message>
        <source>Cannot write the trial file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::ScanErrorList</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::ScanStatusPanel</name>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last scan: %1 added, %2 updated, %3 removed, %4 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln files</source>
        <translation>
            <numerusform>%L1 of %Ln file</numerusform>
            <numerusform>%L1 of %Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files/s</source>
        <translation>
            <numerusform>%Ln file/s</numerusform>
            <numerusform>%Ln files/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln s left</source>
        <translation>
            <numerusform>about %Ln s left</numerusform>
            <numerusform>about %Ln s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min left</source>
        <translation>
            <numerusform>about %Ln min left</numerusform>
            <numerusform>about %Ln min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln h left</source>
        <translation>
            <numerusform>about %Ln h left</numerusform>
            <numerusform>about %Ln h left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::ServerStatusWidget</name>
    <message>
        <source>Server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the LAN: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::SettingsDialog</name>
    <message>
        <source>Cairn settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* takes effect when Cairn starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may connect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices on the home network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS certificate (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS private key (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web origins allowed to call the API (CORS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none; e.g. https://player.example, or * for any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted reverse proxies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none; e.g. 10.0.0.0/8, ::1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close idle connections after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request must arrive within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFmpeg processes at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per processor core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFmpeg jobs that may wait:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait for FFmpeg:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest upload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus metrics (/metrics) without signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream limits and bandwidth caps are on the Activity tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcode cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimised versions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artwork cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video thumbnail cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitle cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog, the settings and every cache live in %1 (caches in its &quot;cache&quot; folder, optimised versions in &quot;optimised&quot;). Another place: start Cairn with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFmpeg program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check FFmpeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLS segment length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLS segments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fragmented MP4 (CMAF; also DASH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPEG-TS (old players)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x264 speed (slower: smaller, fewer sessions):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments made ahead of the player:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop FFmpeg after no request for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End a silent HLS session after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished streams kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep finished streams for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web origin such as https://player.example (scheme and host, no path), nor *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or a subnet such as 10.0.0.0/8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key (or neither, for plain HTTP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the HTTPS certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a program Cairn can run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no program &quot;%1&quot; on the PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate and its key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable: %1, valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not FFmpeg: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when a device starts streaming for the first time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::StreamHistoryPanel</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most played</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n play(s)</source>
        <translation>
            <numerusform>%1 — %n play</numerusform>
            <numerusform>%1 — %n plays</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::StreamLimitsEditor</name>
    <message>
        <source> kB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams per user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total bandwidth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth per stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API requests from one address (this computer is not counted); media requests may be four times as many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beyond this, a user&apos;s video paused longest makes room, or the new one is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos per user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request burst:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::TrayIcon</name>
    <message>
        <source>Open Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn — %1 (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cairn — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n active stream</numerusform>
            <numerusform>%n active streams</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the LAN: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan finished: %1 added, %2 updated, %3 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n file could not be read.</numerusform>
            <numerusform>%n files could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new device started streaming: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started streaming from a new device: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::UserEditDialog</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum bitrate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders this user may see:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May upload media files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the folders this user may see. Administrators always may.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::UsersTab</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit / reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the user %1? Their sessions end at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max bitrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App passwords…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign %1 out on every device? Their log-ins, streams and shared stream links end at once; app passwords keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed out everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::VideoPresetForm</name>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: an even number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H.264. Allowed: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AAC. Allowed: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New video preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the new video preset, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2, video %3 kbit/s, audio %4 kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cairn::dlna</name>
    <message>
        <source>Cairn on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
