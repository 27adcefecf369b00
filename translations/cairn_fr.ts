<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityChart</name>
    <message>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transcodage</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>Vidéo HLS</translation>
    </message>
    <message>
        <source>Outgoing bandwidth</source>
        <translation>Bande passante sortante</translation>
    </message>
    <message>
        <source>Active streams</source>
        <translation>Flux actifs</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>Pas encore de mesures</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Out: %1</source>
        <translation>Sortant : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTab</name>
    <message>
        <source>End stream</source>
        <translation>Terminer le flux</translation>
    </message>
    <message>
        <source>Throttle…</source>
        <translation>Limiter le débit…</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n flux actif</numerusform>
            <numerusform>%n flux actifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transcode(s)</source>
        <translation>
            <numerusform>%n transcodage</numerusform>
            <numerusform>%n transcodages</numerusform>
        </translation>
    </message>
    <message>
        <source>out: %1</source>
        <translation>sortant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Throttle stream</source>
        <translation>Limiter le débit du flux</translation>
    </message>
    <message>
        <source>Cap for %1&apos;s stream in kB/s (0 = no cap):</source>
        <translation>Plafond pour le flux de %1 en ko/s (0 = sans plafond)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTableModel</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Plafond</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transcodage</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>Vidéo HLS</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGrid</name>
    <message>
        <source>Albums</source>
        <translation>Albums</translation>
    </message>
    <message>
        <source>Search albums by title or artist</source>
        <translation>Rechercher des albums par titre ou artiste</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln albums</source>
        <translation>
            <numerusform>%L1 sur %Ln album</numerusform>
            <numerusform>%L1 sur %Ln albums</numerusform>
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
        <translation>Aucun titre d’album ni artiste ne correspond à « %1 ».</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGridModel</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
</context>
<context>
    <name>cairn::AppPasswordsDialog</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>New app password…</source>
        <translation>Nouveau mot de passe d&apos;application…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>App passwords of %1</source>
        <translation>Mots de passe d&apos;application de %1</translation>
    </message>
    <message>
        <source>New app password</source>
        <translation>Nouveau mot de passe d&apos;application</translation>
    </message>
    <message>
        <source>A name that says where it is used, e.g. &quot;Symfonium on my phone&quot;:</source>
        <translation>Un nom qui dit où il sert, par ex. «&#xa0;Symfonium sur mon téléphone&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Revoke app password</source>
        <translation>Révoquer le mot de passe d&apos;application</translation>
    </message>
    <message>
        <source>Revoke the app password &quot;%1&quot;? Apps using it are refused at once.</source>
        <translation>Révoquer le mot de passe d&apos;application «&#xa0;%1&#xa0;»&#xa0;? Les applications qui l&apos;utilisent sont refusées aussitôt.</translation>
    </message>
    <message>
        <source>Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password instead of the account password. Give each app its own, so you can revoke it alone.</source>
        <translation>Les applications de musique (clients Subsonic comme Symfonium ou DSub) se connectent avec un mot de passe d&apos;application plutôt qu&apos;avec celui du compte. Donnez-en un à chaque application pour pouvoir le révoquer seul.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Enter this in the app now: it will not be shown again.</source>
        <translation>Saisissez-le maintenant dans l&apos;application&#xa0;: il ne sera plus affiché.</translation>
    </message>
</context>
<context>
    <name>cairn::DesktopWindow</name>
    <message>
        <source>Albums</source>
        <translation>Albums</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>DLNA</source>
        <translation>DLNA</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation>Optimisées</translation>
    </message>
    <message>
        <source>&amp;Cairn</source>
        <translation>&amp;Cairn</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Settings saved. Those marked * take effect when Cairn starts again.</source>
        <translation>Paramètres enregistrés. Ceux marqués d’un * prennent effet au prochain démarrage de Cairn.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
</context>
<context>
    <name>cairn::DlnaTab</name>
    <message>
        <source>Serve the library to DLNA devices on the local network</source>
        <translation>Servir la bibliothèque aux appareils DLNA du réseau local</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Cairn on this computer</source>
        <translation>Cairn sur cet ordinateur</translation>
    </message>
    <message>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>DLNA has no passwords: every device on the chosen networks sees what the account below may see.</source>
        <translation>DLNA n&apos;a pas de mots de passe&#xa0;: chaque appareil des réseaux choisis voit ce que le compte ci-dessous peut voir.</translation>
    </message>
    <message>
        <source>Account whose folders are shared:</source>
        <translation>Compte dont les dossiers sont partagés&#xa0;:</translation>
    </message>
    <message>
        <source>Name on the network:</source>
        <translation>Nom sur le réseau&#xa0;:</translation>
    </message>
    <message>
        <source>Network interfaces (names or addresses, separated by commas):</source>
        <translation>Interfaces réseau (noms ou adresses, séparés par des virgules)&#xa0;:</translation>
    </message>
    <message>
        <source>(choose an account)</source>
        <translation>(choisissez un compte)</translation>
    </message>
    <message>
        <source> (administrator: sees everything)</source>
        <translation> (administrateur&#xa0;: voit tout)</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (désactivé)</translation>
    </message>
    <message>
        <source>Running, but no network interface matches yet.</source>
        <translation>En marche, mais aucune interface réseau ne correspond encore.</translation>
    </message>
    <message>
        <source>Running on %1.</source>
        <translation>En marche sur %1.</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>Désactivé.</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunSetup</name>
    <message>
        <source>Cannot add %1 to the library.</source>
        <translation>Impossible d&apos;ajouter %1 à la bibliothèque.</translation>
    </message>
    <message>
        <source>DLNA could not start: %1</source>
        <translation>DLNA n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunWizard</name>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Bienvenue dans Cairn</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Ajouter un dossier à la bibliothèque</translation>
    </message>
    <message>
        <source>Your administrator account</source>
        <translation>Votre compte administrateur</translation>
    </message>
    <message>
        <source>You log in with it in the browser and in apps. There is no default password.</source>
        <translation>Il vous sert à vous connecter dans le navigateur et dans les applications. Il n&apos;y a pas de mot de passe par défaut.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Your music and videos</source>
        <translation>Votre musique et vos vidéos</translation>
    </message>
    <message>
        <source>Cairn serves the folders ticked here; you can change them later in the Library tab.</source>
        <translation>Cairn sert les dossiers cochés ici&#xa0;; vous pourrez les changer plus tard dans l&apos;onglet Bibliothèque.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Qui peut se connecter</translation>
    </message>
    <message>
        <source>Phones, TVs and computers on my home network</source>
        <translation>Les téléphones, téléviseurs et ordinateurs de mon réseau domestique</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Seulement cet ordinateur</translation>
    </message>
    <message>
        <source>Let TVs and speakers find the library by DLNA (they need no password)</source>
        <translation>Laisser les téléviseurs et enceintes trouver la bibliothèque par DLNA (sans mot de passe)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Démarrer Cairn à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Cairn is ready</source>
        <translation>Cairn est prêt</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Open this address on a phone, a TV or another computer at home, or scan the code:</source>
        <translation>Ouvrez cette adresse sur un téléphone, un téléviseur ou un autre ordinateur de la maison, ou scannez le code&#xa0;:</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer:</source>
        <translation>Ouvrez cette adresse dans un navigateur sur cet ordinateur&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cairn::LibraryTab</name>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Réanalyser</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Dossiers de la bibliothèque</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Ajout de %1…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Retrait de %1…</translation>
    </message>
    <message>
        <source>Could not add %1 to the library.</source>
        <translation>Impossible d&apos;ajouter %1 à la bibliothèque.</translation>
    </message>
    <message>
        <source>Could not remove the folder from the library.</source>
        <translation>Impossible de retirer le dossier de la bibliothèque.</translation>
    </message>
    <message>
        <source>Files that could not be read (%1)</source>
        <translation>Fichiers illisibles (%1)</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Ajouter un dossier à la bibliothèque</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Retirer le dossier</translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its tracks leave the catalog; the files on disk are not touched.</source>
        <translation>Retirer %1 de la bibliothèque&#xa0;? Ses morceaux quittent le catalogue&#xa0;; les fichiers sur le disque ne sont pas touchés.</translation>
    </message>
</context>
<context>
    <name>cairn::LogTableModel</name>
    <message>
        <source>debug</source>
        <translation>débogage</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>cairn::LoginStart</name>
    <message>
        <source>Cannot change %1.</source>
        <translation>Impossible de modifier %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Starts the Cairn media server in the tray</source>
        <translation>Démarre le serveur multimédia Cairn dans la zone de notification</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>cairn::LogsTab</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Ouvrir le dossier de données</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information et plus</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Rechercher dans le journal</translation>
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
        <translation>Bibliothèque</translation>
    </message>
</context>
<context>
    <name>cairn::OptimisedTab</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Optimised versions are made ahead of time, one at a time at low priority, and pause while someone watches a live transcode. Administrators ask for them in the web app, for a video or a whole library folder.</source>
        <translation>Les versions optimisées sont préparées à l&apos;avance, une à la fois en basse priorité, et se mettent en pause pendant que quelqu&apos;un regarde un transcodage en direct. Les administrateurs les demandent dans l&apos;application web, pour une vidéo ou tout un dossier de la bibliothèque.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>Paused while someone watches</source>
        <translation>En pause pendant que quelqu&apos;un regarde</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Outdated: the video file changed</source>
        <translation>Périmée : le fichier vidéo a changé</translation>
    </message>
    <message>
        <source>%1 of %2 used by optimised versions</source>
        <translation>%1 sur %2 occupés par les versions optimisées</translation>
    </message>
    <message>
        <source>%1 of %2 segments</source>
        <translation>%1 segments sur %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>cairn::PresetEditorPane</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» supprimé.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTab</name>
    <message>
        <source>Transcoding presets</source>
        <translation>Préréglages de transcodage</translation>
    </message>
    <message>
        <source>Try the preset</source>
        <translation>Essayer le préréglage</translation>
    </message>
    <message>
        <source>Try %1 seconds</source>
        <translation>Essayer %1 secondes</translation>
    </message>
    <message>
        <source>Transcode cache</source>
        <translation>Cache de transcodage</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Taille maximale</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 dans %n fichier</numerusform>
            <numerusform>%1 dans %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a track to try the preset on.</source>
        <translation>Choisissez un morceau sur lequel essayer le préréglage.</translation>
    </message>
    <message>
        <source>Transcoding…</source>
        <translation>Transcodage…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3 kbit/s</source>
        <translation>%1 pendant %2 s&#xa0;: %3 kbit/s</translation>
    </message>
    <message>
        <source>Video (HLS) presets</source>
        <translation>Préréglages vidéo (HLS)</translation>
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
        <translation>comme la source</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Débit binaire</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Fréquence d&apos;échantillonnage</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>Autorisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Nouveau préréglage</translation>
    </message>
    <message>
        <source>Edit the new preset, then save it.</source>
        <translation>Modifiez le nouveau préréglage, puis enregistrez-le.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabTrial</name>
    <message>
        <source>Cannot write the trial file: %1</source>
        <translation>Impossible d&apos;écrire le fichier d&apos;essai&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ScanErrorList</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
</context>
<context>
    <name>cairn::ScanStatusPanel</name>
    <message>
        <source>Looking for files…</source>
        <translation>Recherche des fichiers…</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Analyse en cours</translation>
    </message>
    <message>
        <source>Last scan: %1 added, %2 updated, %3 removed, %4 errors</source>
        <translation>Dernière analyse&#xa0;: %1 ajoutés, %2 mis à jour, %3 retirés, %4 erreurs</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln files</source>
        <translation>
            <numerusform>%L1 sur %Ln fichier</numerusform>
            <numerusform>%L1 sur %Ln fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files/s</source>
        <translation>
            <numerusform>%Ln fichier/s</numerusform>
            <numerusform>%Ln fichiers/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln s left</source>
        <translation>
            <numerusform>encore environ %Ln s</numerusform>
            <numerusform>encore environ %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min left</source>
        <translation>
            <numerusform>encore environ %Ln min</numerusform>
            <numerusform>encore environ %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln h left</source>
        <translation>
            <numerusform>encore environ %Ln h</numerusform>
            <numerusform>encore environ %Ln h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::ServerStatusWidget</name>
    <message>
        <source>Server stopped</source>
        <translation>Serveur arrêté</translation>
    </message>
    <message>
        <source>Server paused</source>
        <translation>Serveur en pause</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>Serveur en marche</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>port %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>on the LAN: %1</source>
        <translation>sur le réseau local&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cairn::SettingsDialog</name>
    <message>
        <source>Cairn settings</source>
        <translation>Paramètres de Cairn</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>* takes effect when Cairn starts again.</source>
        <translation>* prend effet au prochain démarrage de Cairn.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Who may connect:</source>
        <translation>Qui peut se connecter :</translation>
    </message>
    <message>
        <source>Devices on the home network</source>
        <translation>Les appareils du réseau domestique</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Cet ordinateur seulement</translation>
    </message>
    <message>
        <source>HTTPS certificate (PEM):</source>
        <translation>Certificat HTTPS (PEM) :</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>HTTPS private key (PEM):</source>
        <translation>Clé privée HTTPS (PEM) :</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Test certificate</source>
        <translation>Tester le certificat</translation>
    </message>
    <message>
        <source>Web origins allowed to call the API (CORS):</source>
        <translation>Origines web autorisées à appeler l’API (CORS) :</translation>
    </message>
    <message>
        <source>none; e.g. https://player.example, or * for any</source>
        <translation>aucune ; p. ex. https://player.example, ou * pour toutes</translation>
    </message>
    <message>
        <source>Trusted reverse proxies:</source>
        <translation>Proxys inverses de confiance :</translation>
    </message>
    <message>
        <source>none; e.g. 10.0.0.0/8, ::1</source>
        <translation>aucun ; p. ex. 10.0.0.0/8, ::1</translation>
    </message>
    <message>
        <source>Close idle connections after:</source>
        <translation>Fermer les connexions inactives après :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request must arrive within:</source>
        <translation>Une requête doit arriver en moins de :</translation>
    </message>
    <message>
        <source>FFmpeg processes at once:</source>
        <translation>Processus FFmpeg simultanés :</translation>
    </message>
    <message>
        <source>one per processor core</source>
        <translation>un par cœur de processeur</translation>
    </message>
    <message>
        <source>FFmpeg jobs that may wait:</source>
        <translation>Tâches FFmpeg pouvant attendre :</translation>
    </message>
    <message>
        <source>Longest wait for FFmpeg:</source>
        <translation>Attente maximale de FFmpeg :</translation>
    </message>
    <message>
        <source>Largest upload:</source>
        <translation>Plus gros envoi :</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>no uploads</source>
        <translation>pas d’envoi</translation>
    </message>
    <message>
        <source>Prometheus metrics (/metrics) without signing in</source>
        <translation>Métriques Prometheus (/metrics) sans connexion</translation>
    </message>
    <message>
        <source>Stream limits and bandwidth caps are on the Activity tab.</source>
        <translation>Les limites de flux et de bande passante sont dans l’onglet Activité.</translation>
    </message>
    <message>
        <source>Transcode cache:</source>
        <translation>Cache de transcodage :</translation>
    </message>
    <message>
        <source>no cache</source>
        <translation>pas de cache</translation>
    </message>
    <message>
        <source>Optimised versions:</source>
        <translation>Versions optimisées :</translation>
    </message>
    <message>
        <source>Artwork cache:</source>
        <translation>Cache des pochettes :</translation>
    </message>
    <message>
        <source>Video thumbnail cache:</source>
        <translation>Cache des vignettes vidéo :</translation>
    </message>
    <message>
        <source>Subtitle cache:</source>
        <translation>Cache des sous-titres :</translation>
    </message>
    <message>
        <source>The catalog, the settings and every cache live in %1 (caches in its &quot;cache&quot; folder, optimised versions in &quot;optimised&quot;). Another place: start Cairn with --data-dir.</source>
        <translation>Le catalogue, les paramètres et tous les caches se trouvent dans %1 (les caches dans son dossier « cache », les versions optimisées dans « optimised »). Pour un autre emplacement, démarrez Cairn avec --data-dir.</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <source>FFmpeg program:</source>
        <translation>Programme FFmpeg :</translation>
    </message>
    <message>
        <source>Check FFmpeg</source>
        <translation>Vérifier FFmpeg</translation>
    </message>
    <message>
        <source>HLS segment length:</source>
        <translation>Durée des segments HLS :</translation>
    </message>
    <message>
        <source>HLS segments:</source>
        <translation>Segments HLS :</translation>
    </message>
    <message>
        <source>fragmented MP4 (CMAF; also DASH)</source>
        <translation>MP4 fragmenté (CMAF ; aussi DASH)</translation>
    </message>
    <message>
        <source>MPEG-TS (old players)</source>
        <translation>MPEG-TS (anciens lecteurs)</translation>
    </message>
    <message>
        <source>x264 speed (slower: smaller, fewer sessions):</source>
        <translation>Vitesse de x264 (plus lent : plus petit, moins de sessions) :</translation>
    </message>
    <message>
        <source>Segments made ahead of the player:</source>
        <translation>Segments préparés en avance :</translation>
    </message>
    <message>
        <source>Stop FFmpeg after no request for:</source>
        <translation>Arrêter FFmpeg sans requête pendant :</translation>
    </message>
    <message>
        <source>End a silent HLS session after:</source>
        <translation>Terminer une session HLS silencieuse après :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatique (langue du système)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Démarrer Cairn à l’ouverture de session</translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window</source>
        <translation>Démarrer dans la zone de notification, sans ouvrir la fenêtre</translation>
    </message>
    <message>
        <source>Finished streams kept:</source>
        <translation>Flux terminés conservés :</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Keep finished streams for:</source>
        <translation>Conserver les flux terminés pendant :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web origin such as https://player.example (scheme and host, no path), nor *.</source>
        <translation>« %1 » n’est ni une origine web comme https://player.example (schéma et hôte, sans chemin), ni *.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or a subnet such as 10.0.0.0/8.</source>
        <translation>« %1 » n’est ni une adresse ni un sous-réseau comme 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key (or neither, for plain HTTP).</source>
        <translation>HTTPS demande un certificat et sa clé privée (ou aucun des deux, pour du HTTP simple).</translation>
    </message>
    <message>
        <source>Cannot use the HTTPS certificate: %1</source>
        <translation>Impossible d’utiliser le certificat HTTPS : %1</translation>
    </message>
    <message>
        <source>%1 is not a program Cairn can run.</source>
        <translation>%1 n’est pas un programme que Cairn peut lancer.</translation>
    </message>
    <message>
        <source>There is no program &quot;%1&quot; on the PATH.</source>
        <translation>Il n’y a pas de programme « %1 » dans le PATH.</translation>
    </message>
    <message>
        <source>Choose a certificate and its key first.</source>
        <translation>Choisissez d’abord un certificat et sa clé.</translation>
    </message>
    <message>
        <source>Usable: %1, valid until %2.</source>
        <translation>Utilisable : %1, valide jusqu’au %2.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>This is not FFmpeg: %1</source>
        <translation>Ce n’est pas FFmpeg : %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Cannot start it: %1</source>
        <translation>Impossible de le lancer : %1</translation>
    </message>
    <message>
        <source>Notify when a device starts streaming for the first time</source>
        <translation>Prévenir quand un appareil lit pour la première fois</translation>
    </message>
</context>
<context>
    <name>cairn::StreamHistoryPanel</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Recent streams</source>
        <translation>Flux récents</translation>
    </message>
    <message>
        <source>Most played</source>
        <translation>Les plus écoutés</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n play(s)</source>
        <translation>
            <numerusform>%1 — %n écoute</numerusform>
            <numerusform>%1 — %n écoutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::StreamLimitsEditor</name>
    <message>
        <source> kB/s</source>
        <translation> ko/s</translation>
    </message>
    <message>
        <source>Apply limits</source>
        <translation>Appliquer les limites</translation>
    </message>
    <message>
        <source>Streams at once:</source>
        <translation>Flux simultanés&#xa0;:</translation>
    </message>
    <message>
        <source>Streams per user:</source>
        <translation>Flux par utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Total bandwidth:</source>
        <translation>Bande passante totale&#xa0;:</translation>
    </message>
    <message>
        <source>Bandwidth per stream:</source>
        <translation>Bande passante par flux&#xa0;:</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> par seconde</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> à la fois</translation>
    </message>
    <message>
        <source>API requests from one address (this computer is not counted); media requests may be four times as many</source>
        <translation>Requêtes d&apos;API depuis une adresse (cet ordinateur n&apos;est pas compté)&#xa0;; les requêtes de médias peuvent être quatre fois plus nombreuses</translation>
    </message>
    <message>
        <source>Beyond this, a user&apos;s video paused longest makes room, or the new one is refused</source>
        <translation>Au-delà, la vidéo d&apos;un utilisateur en pause depuis le plus longtemps cède sa place, sinon la nouvelle est refusée</translation>
    </message>
    <message>
        <source>Videos per user:</source>
        <translation>Vidéos par utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Requests per address:</source>
        <translation>Requêtes par adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Request burst:</source>
        <translation>Rafale de requêtes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cairn::TrayIcon</name>
    <message>
        <source>Open Cairn</source>
        <translation>Ouvrir Cairn</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Resume server</source>
        <translation>Reprendre le serveur</translation>
    </message>
    <message>
        <source>Pause server</source>
        <translation>Mettre le serveur en pause</translation>
    </message>
    <message>
        <source>Cairn — %1 (paused)</source>
        <translation>Cairn — %1 (en pause)</translation>
    </message>
    <message>
        <source>Cairn — %1</source>
        <translation>Cairn — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n flux actif</numerusform>
            <numerusform>%n flux actifs</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>On the LAN: %1</source>
        <translation>Sur le réseau local&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrer à la connexion</translation>
    </message>
    <message>
        <source>Scan finished: %1 added, %2 updated, %3 removed.</source>
        <translation>Analyse terminée&#xa0;: %1 ajoutés, %2 mis à jour, %3 retirés.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n fichier n&apos;a pas pu être lu.</numerusform>
            <numerusform>%n fichiers n&apos;ont pas pu être lus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>A new device started streaming: %1.</source>
        <translation>Un nouvel appareil a commencé une lecture : %1.</translation>
    </message>
    <message>
        <source>%1 started streaming from a new device: %2.</source>
        <translation>%1 a commencé une lecture depuis un nouvel appareil : %2.</translation>
    </message>
</context>
<context>
    <name>cairn::UserEditDialog</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Modifier l&apos;utilisateur</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>au moins %1 caractères</translation>
    </message>
    <message>
        <source>leave empty to keep the current password</source>
        <translation>laisser vide pour garder le mot de passe actuel</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Maximum bitrate:</source>
        <translation>Débit maximal&#xa0;:</translation>
    </message>
    <message>
        <source>Folders this user may see:</source>
        <translation>Dossiers visibles par cet utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>May upload media files</source>
        <translation>Peut téléverser des fichiers multimédias</translation>
    </message>
    <message>
        <source>Into the folders this user may see. Administrators always may.</source>
        <translation>Dans les dossiers visibles par cet utilisateur. Les administrateurs le peuvent toujours.</translation>
    </message>
</context>
<context>
    <name>cairn::UsersTab</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit / reset password…</source>
        <translation>Modifier / réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Supprimer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Delete the user %1? Their sessions end at once.</source>
        <translation>Supprimer l&apos;utilisateur %1&#xa0;? Ses sessions se terminent aussitôt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Max bitrate</source>
        <translation>Débit max.</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>App passwords…</source>
        <translation>Mots de passe d&apos;application…</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Déconnecter partout</translation>
    </message>
    <message>
        <source>Sign %1 out on every device? Their log-ins, streams and shared stream links end at once; app passwords keep working.</source>
        <translation>Déconnecter %1 sur tous les appareils&#xa0;? Ses connexions, ses flux et ses liens de flux partagés prennent fin aussitôt&#xa0;; les mots de passe d&apos;application continuent de fonctionner.</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere.</source>
        <translation>%1 est déconnecté partout.</translation>
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
        <translation>Autorisé&#xa0;: un nombre pair de %1 à %2</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>H.264. Allowed: %1 to %2</source>
        <translation>H.264. Autorisé&#xa0;: %1 à %2</translation>
    </message>
    <message>
        <source>AAC. Allowed: %1 to %2</source>
        <translation>AAC. Autorisé&#xa0;: %1 à %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <translation>Débit vidéo</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <translation>Débit audio</translation>
    </message>
    <message>
        <source>New video preset</source>
        <translation>Nouveau préréglage vidéo</translation>
    </message>
    <message>
        <source>Edit the new video preset, then save it.</source>
        <translation>Modifiez le nouveau préréglage vidéo, puis enregistrez-le.</translation>
    </message>
    <message>
        <source>%1×%2, video %3 kbit/s, audio %4 kbit/s</source>
        <translation>%1×%2, vidéo %3 kbit/s, audio %4 kbit/s</translation>
    </message>
</context>
<context>
    <name>cairn::dlna</name>
    <message>
        <source>Cairn on %1</source>
        <translation>Cairn sur %1</translation>
    </message>
</context>
</TS>
