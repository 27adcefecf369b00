<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</context>
</TS>
