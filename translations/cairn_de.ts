<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityChart</name>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transkodierung</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>HLS-Video</translation>
    </message>
    <message>
        <source>Outgoing bandwidth</source>
        <translation>Ausgehende Bandbreite</translation>
    </message>
    <message>
        <source>Active streams</source>
        <translation>Aktive Streams</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>Noch keine Messwerte</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Out: %1</source>
        <translation>Ausgehend: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTab</name>
    <message>
        <source>End stream</source>
        <translation>Stream beenden</translation>
    </message>
    <message>
        <source>Throttle…</source>
        <translation>Drosseln…</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Begrenzungen</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n aktiver Stream</numerusform>
            <numerusform>%n aktive Streams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transcode(s)</source>
        <translation>
            <numerusform>%n Transkodierung</numerusform>
            <numerusform>%n Transkodierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>out: %1</source>
        <translation>ausgehend: %1</translation>
    </message>
    <message>
        <source>Throttle stream</source>
        <translation>Stream drosseln</translation>
    </message>
    <message>
        <source>Cap for %1&apos;s stream in kB/s (0 = no cap):</source>
        <translation>Obergrenze für den Stream von %1 in kB/s (0 = keine Obergrenze):</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTableModel</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Datenrate</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transkodierung</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>HLS-Video</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGrid</name>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Search albums by title or artist</source>
        <translation>Alben nach Titel oder Interpret suchen</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln albums</source>
        <translation>
            <numerusform>%L1 von %Ln Album</numerusform>
            <numerusform>%L1 von %Ln Alben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln albums</source>
        <translation>
            <numerusform>%Ln Album</numerusform>
            <numerusform>%Ln Alben</numerusform>
        </translation>
    </message>
    <message>
        <source>No album title or artist matches “%1”.</source>
        <translation>Kein Albumtitel und kein Interpret passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGridModel</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>cairn::AppPasswordsDialog</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>New app password…</source>
        <translation>Neues App-Passwort…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>App passwords of %1</source>
        <translation>App-Passwörter von %1</translation>
    </message>
    <message>
        <source>New app password</source>
        <translation>Neues App-Passwort</translation>
    </message>
    <message>
        <source>A name that says where it is used, e.g. &quot;Symfonium on my phone&quot;:</source>
        <translation>Ein Name, der sagt, wo es benutzt wird, z. B. „Symfonium auf meinem Handy“:</translation>
    </message>
    <message>
        <source>Revoke app password</source>
        <translation>App-Passwort widerrufen</translation>
    </message>
    <message>
        <source>Revoke the app password &quot;%1&quot;? Apps using it are refused at once.</source>
        <translation>Das App-Passwort „%1“ widerrufen? Apps, die es benutzen, werden sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password instead of the account password. Give each app its own, so you can revoke it alone.</source>
        <translation>Musik-Apps (Subsonic-Clients wie Symfonium oder DSub) melden sich mit einem App-Passwort statt mit dem Kontopasswort an. Geben Sie jeder App ihr eigenes, damit Sie es einzeln widerrufen können.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Enter this in the app now: it will not be shown again.</source>
        <translation>Geben Sie es jetzt in der App ein: Es wird nicht noch einmal angezeigt.</translation>
    </message>
</context>
<context>
    <name>cairn::DesktopWindow</name>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>DLNA</source>
        <translation>DLNA</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation>Optimiert</translation>
    </message>
    <message>
        <source>&amp;Cairn</source>
        <translation>&amp;Cairn</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Settings saved. Those marked * take effect when Cairn starts again.</source>
        <translation>Einstellungen gespeichert. Die mit * markierten gelten ab dem nächsten Start von Cairn.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>cairn::DlnaTab</name>
    <message>
        <source>Serve the library to DLNA devices on the local network</source>
        <translation>Die Bibliothek für DLNA-Geräte im lokalen Netzwerk freigeben</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Cairn on this computer</source>
        <translation>Cairn auf diesem Computer</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>DLNA has no passwords: every device on the chosen networks sees what the account below may see.</source>
        <translation>DLNA kennt keine Passwörter: Jedes Gerät in den gewählten Netzwerken sieht, was das Konto unten sehen darf.</translation>
    </message>
    <message>
        <source>Account whose folders are shared:</source>
        <translation>Konto, dessen Ordner freigegeben werden:</translation>
    </message>
    <message>
        <source>Name on the network:</source>
        <translation>Name im Netzwerk:</translation>
    </message>
    <message>
        <source>Network interfaces (names or addresses, separated by commas):</source>
        <translation>Netzwerkschnittstellen (Namen oder Adressen, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>(choose an account)</source>
        <translation>(Konto wählen)</translation>
    </message>
    <message>
        <source> (administrator: sees everything)</source>
        <translation> (Administrator: sieht alles)</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (deaktiviert)</translation>
    </message>
    <message>
        <source>Running, but no network interface matches yet.</source>
        <translation>Läuft, aber noch passt keine Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>Running on %1.</source>
        <translation>Läuft auf %1.</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Läuft nicht: %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>Aus.</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunSetup</name>
    <message>
        <source>Cannot add %1 to the library.</source>
        <translation>%1 kann nicht zur Bibliothek hinzugefügt werden.</translation>
    </message>
    <message>
        <source>DLNA could not start: %1</source>
        <translation>DLNA konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunWizard</name>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Willkommen bei Cairn</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Ordner zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Your administrator account</source>
        <translation>Ihr Administratorkonto</translation>
    </message>
    <message>
        <source>You log in with it in the browser and in apps. There is no default password.</source>
        <translation>Damit melden Sie sich im Browser und in Apps an. Es gibt kein voreingestelltes Passwort.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Your music and videos</source>
        <translation>Ihre Musik und Videos</translation>
    </message>
    <message>
        <source>Cairn serves the folders ticked here; you can change them later in the Library tab.</source>
        <translation>Cairn stellt die hier angehakten Ordner bereit; Sie können sie später im Reiter Bibliothek ändern.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Wer sich verbinden darf</translation>
    </message>
    <message>
        <source>Phones, TVs and computers on my home network</source>
        <translation>Handys, Fernseher und Computer in meinem Heimnetz</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Let TVs and speakers find the library by DLNA (they need no password)</source>
        <translation>Fernseher und Lautsprecher die Bibliothek per DLNA finden lassen (ohne Passwort)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Cairn beim Anmelden starten</translation>
    </message>
    <message>
        <source>Cairn is ready</source>
        <translation>Cairn ist bereit</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Open this address on a phone, a TV or another computer at home, or scan the code:</source>
        <translation>Öffnen Sie diese Adresse auf einem Handy, Fernseher oder anderen Computer zu Hause, oder scannen Sie den Code:</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer:</source>
        <translation>Öffnen Sie diese Adresse in einem Browser auf diesem Computer:</translation>
    </message>
</context>
<context>
    <name>cairn::LibraryTab</name>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>Could not add %1 to the library.</source>
        <translation>%1 konnte nicht zur Bibliothek hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Could not remove the folder from the library.</source>
        <translation>Der Ordner konnte nicht aus der Bibliothek entfernt werden.</translation>
    </message>
    <message>
        <source>Files that could not be read (%1)</source>
        <translation>Nicht lesbare Dateien (%1)</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Ordner zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its tracks leave the catalog; the files on disk are not touched.</source>
        <translation>%1 aus der Bibliothek entfernen? Die Titel verschwinden aus dem Katalog; die Dateien auf der Festplatte bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>cairn::LogTableModel</name>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>cairn::LoginStart</name>
    <message>
        <source>Cannot change %1.</source>
        <translation>%1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Starts the Cairn media server in the tray</source>
        <translation>Startet den Medienserver Cairn im Infobereich</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>cairn::LogsTab</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
</context>
<context>
    <name>cairn::MainWindow</name>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
</context>
<context>
    <name>cairn::OptimisedTab</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Optimised versions are made ahead of time, one at a time at low priority, and pause while someone watches a live transcode. Administrators ask for them in the web app, for a video or a whole library folder.</source>
        <translation>Optimierte Versionen werden im Voraus erstellt, eine nach der anderen mit niedriger Priorität, und pausieren, während jemand eine Live-Umwandlung ansieht. Administratoren fordern sie in der Web-App an, für ein Video oder einen ganzen Bibliotheksordner.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Paused while someone watches</source>
        <translation>Pausiert, während jemand zusieht</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Outdated: the video file changed</source>
        <translation>Veraltet: die Videodatei hat sich geändert</translation>
    </message>
    <message>
        <source>%1 of %2 used by optimised versions</source>
        <translation>%1 von %2 durch optimierte Versionen belegt</translation>
    </message>
    <message>
        <source>%1 of %2 segments</source>
        <translation>%1 von %2 Segmenten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>cairn::PresetEditorPane</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTab</name>
    <message>
        <source>Transcoding presets</source>
        <translation>Voreinstellungen für die Transkodierung</translation>
    </message>
    <message>
        <source>Try the preset</source>
        <translation>Voreinstellung testen</translation>
    </message>
    <message>
        <source>Try %1 seconds</source>
        <translation>%1 Sekunden testen</translation>
    </message>
    <message>
        <source>Transcode cache</source>
        <translation>Transkodierungs-Cache</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Größenbegrenzung</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 in %n Datei</numerusform>
            <numerusform>%1 in %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a track to try the preset on.</source>
        <translation>Wählen Sie einen Titel aus, um die Voreinstellung zu testen.</translation>
    </message>
    <message>
        <source>Transcoding…</source>
        <translation>Wird transkodiert…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3 kbit/s</source>
        <translation>%1 für %2 s: %3 kbit/s</translation>
    </message>
    <message>
        <source>Video (HLS) presets</source>
        <translation>Video-Voreinstellungen (HLS)</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabForm</name>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>as the source</source>
        <translation>wie die Quelle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Bitrate</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>Zulässig: %1</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Neue Voreinstellung</translation>
    </message>
    <message>
        <source>Edit the new preset, then save it.</source>
        <translation>Bearbeiten Sie die neue Voreinstellung und speichern Sie sie anschließend.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabTrial</name>
    <message>
        <source>Cannot write the trial file: %1</source>
        <translation>Die Testdatei kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ScanErrorList</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>cairn::ScanStatusPanel</name>
    <message>
        <source>Looking for files…</source>
        <translation>Dateien werden gesucht…</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Wird eingelesen</translation>
    </message>
    <message>
        <source>Last scan: %1 added, %2 updated, %3 removed, %4 errors</source>
        <translation>Letzter Durchlauf: %1 neu, %2 aktualisiert, %3 entfernt, %4 Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n Titel</numerusform>
            <numerusform>%n Titel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln files</source>
        <translation>
            <numerusform>%L1 von %Ln Datei</numerusform>
            <numerusform>%L1 von %Ln Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files/s</source>
        <translation>
            <numerusform>%Ln Datei/s</numerusform>
            <numerusform>%Ln Dateien/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln s left</source>
        <translation>
            <numerusform>noch etwa %Ln s</numerusform>
            <numerusform>noch etwa %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min left</source>
        <translation>
            <numerusform>noch etwa %Ln min</numerusform>
            <numerusform>noch etwa %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln h left</source>
        <translation>
            <numerusform>noch etwa %Ln h</numerusform>
            <numerusform>noch etwa %Ln h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::ServerStatusWidget</name>
    <message>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>Server paused</source>
        <translation>Server pausiert</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>Server läuft</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>on the LAN: %1</source>
        <translation>im LAN: %1</translation>
    </message>
</context>
<context>
    <name>cairn::SettingsDialog</name>
    <message>
        <source>Cairn settings</source>
        <translation>Cairn-Einstellungen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>* takes effect when Cairn starts again.</source>
        <translation>* gilt ab dem nächsten Start von Cairn.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port-Nummer:</translation>
    </message>
    <message>
        <source>Who may connect:</source>
        <translation>Wer sich verbinden darf:</translation>
    </message>
    <message>
        <source>Devices on the home network</source>
        <translation>Geräte im Heimnetz</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>HTTPS certificate (PEM):</source>
        <translation>HTTPS-Zertifikat (PEM):</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>HTTPS private key (PEM):</source>
        <translation>Privater HTTPS-Schlüssel (PEM):</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Test certificate</source>
        <translation>Zertifikat prüfen</translation>
    </message>
    <message>
        <source>Web origins allowed to call the API (CORS):</source>
        <translation>Web-Ursprünge, die die API aufrufen dürfen (CORS):</translation>
    </message>
    <message>
        <source>none; e.g. https://player.example, or * for any</source>
        <translation>keine; z. B. https://player.example oder * für alle</translation>
    </message>
    <message>
        <source>Trusted reverse proxies:</source>
        <translation>Vertrauenswürdige Reverse-Proxys:</translation>
    </message>
    <message>
        <source>none; e.g. 10.0.0.0/8, ::1</source>
        <translation>keine; z. B. 10.0.0.0/8, ::1</translation>
    </message>
    <message>
        <source>Close idle connections after:</source>
        <translation>Untätige Verbindungen schließen nach:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request must arrive within:</source>
        <translation>Eine Anfrage muss ankommen innerhalb von:</translation>
    </message>
    <message>
        <source>FFmpeg processes at once:</source>
        <translation>Gleichzeitige FFmpeg-Prozesse:</translation>
    </message>
    <message>
        <source>one per processor core</source>
        <translation>einer pro Prozessorkern</translation>
    </message>
    <message>
        <source>FFmpeg jobs that may wait:</source>
        <translation>FFmpeg-Aufträge, die warten dürfen:</translation>
    </message>
    <message>
        <source>Longest wait for FFmpeg:</source>
        <translation>Längste Wartezeit auf FFmpeg:</translation>
    </message>
    <message>
        <source>Largest upload:</source>
        <translation>Größter Upload:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no uploads</source>
        <translation>keine Uploads</translation>
    </message>
    <message>
        <source>Prometheus metrics (/metrics) without signing in</source>
        <translation>Prometheus-Metriken (/metrics) ohne Anmeldung</translation>
    </message>
    <message>
        <source>Stream limits and bandwidth caps are on the Activity tab.</source>
        <translation>Stream-Grenzen und Bandbreitenlimits finden Sie im Reiter Aktivität.</translation>
    </message>
    <message>
        <source>Transcode cache:</source>
        <translation>Transkodier-Cache:</translation>
    </message>
    <message>
        <source>no cache</source>
        <translation>kein Cache</translation>
    </message>
    <message>
        <source>Optimised versions:</source>
        <translation>Optimierte Fassungen:</translation>
    </message>
    <message>
        <source>Artwork cache:</source>
        <translation>Cover-Cache:</translation>
    </message>
    <message>
        <source>Video thumbnail cache:</source>
        <translation>Cache für Video-Vorschaubilder:</translation>
    </message>
    <message>
        <source>Subtitle cache:</source>
        <translation>Untertitel-Cache:</translation>
    </message>
    <message>
        <source>The catalog, the settings and every cache live in %1 (caches in its &quot;cache&quot; folder, optimised versions in &quot;optimised&quot;). Another place: start Cairn with --data-dir.</source>
        <translation>Katalog, Einstellungen und alle Caches liegen in %1 (Caches im Ordner „cache“, optimierte Fassungen in „optimised“). Für einen anderen Ort starten Sie Cairn mit --data-dir.</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
    <message>
        <source>FFmpeg program:</source>
        <translation>FFmpeg-Programm:</translation>
    </message>
    <message>
        <source>Check FFmpeg</source>
        <translation>FFmpeg prüfen</translation>
    </message>
    <message>
        <source>HLS segment length:</source>
        <translation>Länge der HLS-Segmente:</translation>
    </message>
    <message>
        <source>HLS segments:</source>
        <translation>HLS-Segmente:</translation>
    </message>
    <message>
        <source>fragmented MP4 (CMAF; also DASH)</source>
        <translation>fragmentiertes MP4 (CMAF; auch DASH)</translation>
    </message>
    <message>
        <source>MPEG-TS (old players)</source>
        <translation>MPEG-TS (alte Player)</translation>
    </message>
    <message>
        <source>x264 speed (slower: smaller, fewer sessions):</source>
        <translation>x264-Geschwindigkeit (langsamer: kleiner, weniger Sitzungen):</translation>
    </message>
    <message>
        <source>Segments made ahead of the player:</source>
        <translation>Segmente im Voraus erstellen:</translation>
    </message>
    <message>
        <source>Stop FFmpeg after no request for:</source>
        <translation>FFmpeg anhalten nach Stille von:</translation>
    </message>
    <message>
        <source>End a silent HLS session after:</source>
        <translation>Stille HLS-Sitzung beenden nach:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatisch (Sprache des Systems)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Cairn bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen</translation>
    </message>
    <message>
        <source>Finished streams kept:</source>
        <translation>Aufbewahrte beendete Streams:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Keep finished streams for:</source>
        <translation>Beendete Streams aufbewahren für:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web origin such as https://player.example (scheme and host, no path), nor *.</source>
        <translation>„%1“ ist kein Web-Ursprung wie https://player.example (Schema und Host, ohne Pfad) und auch nicht *.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or a subnet such as 10.0.0.0/8.</source>
        <translation>„%1“ ist keine Adresse und kein Subnetz wie 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key (or neither, for plain HTTP).</source>
        <translation>HTTPS braucht ein Zertifikat und seinen privaten Schlüssel (oder keines von beiden für einfaches HTTP).</translation>
    </message>
    <message>
        <source>Cannot use the HTTPS certificate: %1</source>
        <translation>Das HTTPS-Zertifikat ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1 is not a program Cairn can run.</source>
        <translation>%1 ist kein Programm, das Cairn ausführen kann.</translation>
    </message>
    <message>
        <source>There is no program &quot;%1&quot; on the PATH.</source>
        <translation>Im PATH gibt es kein Programm „%1“.</translation>
    </message>
    <message>
        <source>Choose a certificate and its key first.</source>
        <translation>Wählen Sie zuerst ein Zertifikat und seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Usable: %1, valid until %2.</source>
        <translation>Verwendbar: %1, gültig bis %2.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>This is not FFmpeg: %1</source>
        <translation>Das ist kein FFmpeg: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Cannot start it: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Notify when a device starts streaming for the first time</source>
        <translation>Benachrichtigen, wenn ein Gerät zum ersten Mal etwas abspielt</translation>
    </message>
</context>
<context>
    <name>cairn::StreamHistoryPanel</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Recent streams</source>
        <translation>Letzte Streams</translation>
    </message>
    <message>
        <source>Most played</source>
        <translation>Meistgespielt</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n play(s)</source>
        <translation>
            <numerusform>%1 — %n Wiedergabe</numerusform>
            <numerusform>%1 — %n Wiedergaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::StreamLimitsEditor</name>
    <message>
        <source> kB/s</source>
        <translation> kB/s</translation>
    </message>
    <message>
        <source>Apply limits</source>
        <translation>Begrenzungen anwenden</translation>
    </message>
    <message>
        <source>Streams at once:</source>
        <translation>Gleichzeitige Streams:</translation>
    </message>
    <message>
        <source>Streams per user:</source>
        <translation>Streams pro Benutzer:</translation>
    </message>
    <message>
        <source>Total bandwidth:</source>
        <translation>Gesamtbandbreite:</translation>
    </message>
    <message>
        <source>Bandwidth per stream:</source>
        <translation>Bandbreite pro Stream:</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>API requests from one address (this computer is not counted); media requests may be four times as many</source>
        <translation>API-Anfragen von einer Adresse (dieser Computer zählt nicht); Medienanfragen dürfen viermal so viele sein</translation>
    </message>
    <message>
        <source>Beyond this, a user&apos;s video paused longest makes room, or the new one is refused</source>
        <translation>Darüber hinaus macht das am längsten pausierte Video eines Benutzers Platz, oder das neue wird abgewiesen</translation>
    </message>
    <message>
        <source>Videos per user:</source>
        <translation>Videos pro Benutzer:</translation>
    </message>
    <message>
        <source>Requests per address:</source>
        <translation>Anfragen pro Adresse:</translation>
    </message>
    <message>
        <source>Request burst:</source>
        <translation>Anfragenspitze:</translation>
    </message>
</context>
<context>
    <name>cairn::TrayIcon</name>
    <message>
        <source>Open Cairn</source>
        <translation>Cairn öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Resume server</source>
        <translation>Server fortsetzen</translation>
    </message>
    <message>
        <source>Pause server</source>
        <translation>Server pausieren</translation>
    </message>
    <message>
        <source>Cairn — %1 (paused)</source>
        <translation>Cairn — %1 (pausiert)</translation>
    </message>
    <message>
        <source>Cairn — %1</source>
        <translation>Cairn — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n aktiver Stream</numerusform>
            <numerusform>%n aktive Streams</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>On the LAN: %1</source>
        <translation>Im LAN: %1</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Scan finished: %1 added, %2 updated, %3 removed.</source>
        <translation>Einlesen beendet: %1 neu, %2 aktualisiert, %3 entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>A new device started streaming: %1.</source>
        <translation>Ein neues Gerät hat eine Wiedergabe begonnen: %1.</translation>
    </message>
    <message>
        <source>%1 started streaming from a new device: %2.</source>
        <translation>%1 hat eine Wiedergabe auf einem neuen Gerät begonnen: %2.</translation>
    </message>
</context>
<context>
    <name>cairn::UserEditDialog</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>leave empty to keep the current password</source>
        <translation>leer lassen, um das aktuelle Passwort beizubehalten</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Maximum bitrate:</source>
        <translation>Maximale Bitrate:</translation>
    </message>
    <message>
        <source>Folders this user may see:</source>
        <translation>Für diesen Benutzer sichtbare Ordner:</translation>
    </message>
    <message>
        <source>May upload media files</source>
        <translation>Darf Mediendateien hochladen</translation>
    </message>
    <message>
        <source>Into the folders this user may see. Administrators always may.</source>
        <translation>In die für diesen Benutzer sichtbaren Ordner. Administratoren dürfen es immer.</translation>
    </message>
</context>
<context>
    <name>cairn::UsersTab</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit / reset password…</source>
        <translation>Bearbeiten / Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Delete the user %1? Their sessions end at once.</source>
        <translation>Benutzer %1 löschen? Alle Sitzungen dieses Benutzers werden sofort beendet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Max bitrate</source>
        <translation>Max. Bitrate</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>App passwords…</source>
        <translation>App-Passwörter…</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>Sign %1 out on every device? Their log-ins, streams and shared stream links end at once; app passwords keep working.</source>
        <translation>%1 auf allen Geräten abmelden? Anmeldungen, Streams und geteilte Stream-Links enden sofort; App-Passwörter funktionieren weiter.</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere.</source>
        <translation>%1 ist überall abgemeldet.</translation>
    </message>
</context>
<context>
    <name>cairn::VideoPresetForm</name>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Allowed: an even number from %1 to %2</source>
        <translation>Zulässig: eine gerade Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>H.264. Allowed: %1 to %2</source>
        <translation>H.264. Zulässig: %1 bis %2</translation>
    </message>
    <message>
        <source>AAC. Allowed: %1 to %2</source>
        <translation>AAC. Zulässig: %1 bis %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <translation>Videobitrate</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <translation>Audiobitrate</translation>
    </message>
    <message>
        <source>New video preset</source>
        <translation>Neue Video-Voreinstellung</translation>
    </message>
    <message>
        <source>Edit the new video preset, then save it.</source>
        <translation>Bearbeiten Sie die neue Video-Voreinstellung und speichern Sie sie anschließend.</translation>
    </message>
    <message>
        <source>%1×%2, video %3 kbit/s, audio %4 kbit/s</source>
        <translation>%1×%2, Video %3 kbit/s, Audio %4 kbit/s</translation>
    </message>
</context>
<context>
    <name>cairn::dlna</name>
    <message>
        <source>Cairn on %1</source>
        <translation>Cairn auf %1</translation>
    </message>
</context>
</TS>
