<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityChart</name>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descarga</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transcodificación</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>Vídeo HLS</translation>
    </message>
    <message>
        <source>Outgoing bandwidth</source>
        <translation>Ancho de banda saliente</translation>
    </message>
    <message>
        <source>Active streams</source>
        <translation>Transmisiones activas</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>Aún no hay mediciones</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>Out: %1</source>
        <translation>Saliente: %1</translation>
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
        <translation>Terminar transmisión</translation>
    </message>
    <message>
        <source>Throttle…</source>
        <translation>Limitar…</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n transmisión activa</numerusform>
            <numerusform>%n transmisiones activas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transcode(s)</source>
        <translation>
            <numerusform>%n transcodificación</numerusform>
            <numerusform>%n transcodificaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>out: %1</source>
        <translation>salida: %1</translation>
    </message>
    <message>
        <source>Throttle stream</source>
        <translation>Limitar la transmisión</translation>
    </message>
    <message>
        <source>Cap for %1&apos;s stream in kB/s (0 = no cap):</source>
        <translation>Límite para la transmisión de %1 en kB/s (0 = sin límite):</translation>
    </message>
</context>
<context>
    <name>cairn::ActivityTableModel</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descarga</translation>
    </message>
    <message>
        <source>Transcode</source>
        <translation>Transcodificación</translation>
    </message>
    <message>
        <source>HLS video</source>
        <translation>Vídeo HLS</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGrid</name>
    <message>
        <source>Albums</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <source>Search albums by title or artist</source>
        <translation>Buscar álbumes por título o artista</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln albums</source>
        <translation>
            <numerusform>%L1 de %Ln álbum</numerusform>
            <numerusform>%L1 de %Ln álbumes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln albums</source>
        <translation>
            <numerusform>%Ln álbum</numerusform>
            <numerusform>%Ln álbumes</numerusform>
        </translation>
    </message>
    <message>
        <source>No album title or artist matches “%1”.</source>
        <translation>Ningún título de álbum ni artista coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>cairn::AlbumGridModel</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>cairn::AppPasswordsDialog</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>New app password…</source>
        <translation>Nueva contraseña de aplicación…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>App passwords of %1</source>
        <translation>Contraseñas de aplicación de %1</translation>
    </message>
    <message>
        <source>New app password</source>
        <translation>Nueva contraseña de aplicación</translation>
    </message>
    <message>
        <source>A name that says where it is used, e.g. &quot;Symfonium on my phone&quot;:</source>
        <translation>Un nombre que diga dónde se usa, p. ej. «Symfonium en mi teléfono»:</translation>
    </message>
    <message>
        <source>Revoke app password</source>
        <translation>Revocar contraseña de aplicación</translation>
    </message>
    <message>
        <source>Revoke the app password &quot;%1&quot;? Apps using it are refused at once.</source>
        <translation>¿Revocar la contraseña de aplicación «%1»? Las aplicaciones que la usan se rechazan de inmediato.</translation>
    </message>
    <message>
        <source>Music apps (Subsonic clients such as Symfonium or DSub) log in with an app password instead of the account password. Give each app its own, so you can revoke it alone.</source>
        <translation>Las aplicaciones de música (clientes Subsonic como Symfonium o DSub) inician sesión con una contraseña de aplicación en lugar de la contraseña de la cuenta. Dé a cada aplicación la suya para poder revocarla por separado.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Enter this in the app now: it will not be shown again.</source>
        <translation>Introdúzcala ahora en la aplicación: no se volverá a mostrar.</translation>
    </message>
</context>
<context>
    <name>cairn::DesktopWindow</name>
    <message>
        <source>Albums</source>
        <translation>Álbumes</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>DLNA</source>
        <translation>DLNA</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation>Optimizadas</translation>
    </message>
    <message>
        <source>&amp;Cairn</source>
        <translation>&amp;Cairn</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Settings saved. Those marked * take effect when Cairn starts again.</source>
        <translation>Configuración guardada. Lo marcado con * se aplica cuando Cairn se inicie de nuevo.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
</context>
<context>
    <name>cairn::DlnaTab</name>
    <message>
        <source>Serve the library to DLNA devices on the local network</source>
        <translation>Ofrecer la biblioteca a los dispositivos DLNA de la red local</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Cairn on this computer</source>
        <translation>Cairn en este equipo</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>DLNA has no passwords: every device on the chosen networks sees what the account below may see.</source>
        <translation>DLNA no tiene contraseñas: cada dispositivo de las redes elegidas ve lo que puede ver la cuenta de abajo.</translation>
    </message>
    <message>
        <source>Account whose folders are shared:</source>
        <translation>Cuenta cuyas carpetas se comparten:</translation>
    </message>
    <message>
        <source>Name on the network:</source>
        <translation>Nombre en la red:</translation>
    </message>
    <message>
        <source>Network interfaces (names or addresses, separated by commas):</source>
        <translation>Interfaces de red (nombres o direcciones, separados por comas):</translation>
    </message>
    <message>
        <source>(choose an account)</source>
        <translation>(elija una cuenta)</translation>
    </message>
    <message>
        <source> (administrator: sees everything)</source>
        <translation> (administrador: lo ve todo)</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (desactivada)</translation>
    </message>
    <message>
        <source>Running, but no network interface matches yet.</source>
        <translation>En marcha, pero aún no coincide ninguna interfaz de red.</translation>
    </message>
    <message>
        <source>Running on %1.</source>
        <translation>En marcha en %1.</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>Off.</source>
        <translation>Desactivado.</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunSetup</name>
    <message>
        <source>Cannot add %1 to the library.</source>
        <translation>No se puede añadir %1 a la biblioteca.</translation>
    </message>
    <message>
        <source>DLNA could not start: %1</source>
        <translation>DLNA no pudo iniciarse: %1</translation>
    </message>
</context>
<context>
    <name>cairn::FirstRunWizard</name>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Bienvenido a Cairn</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Añadir una carpeta a la biblioteca</translation>
    </message>
    <message>
        <source>Your administrator account</source>
        <translation>Su cuenta de administrador</translation>
    </message>
    <message>
        <source>You log in with it in the browser and in apps. There is no default password.</source>
        <translation>Con ella inicia sesión en el navegador y en las aplicaciones. No hay contraseña predeterminada.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Repita la contraseña:</translation>
    </message>
    <message>
        <source>Your music and videos</source>
        <translation>Su música y sus vídeos</translation>
    </message>
    <message>
        <source>Cairn serves the folders ticked here; you can change them later in the Library tab.</source>
        <translation>Cairn ofrece las carpetas marcadas aquí; puede cambiarlas más tarde en la pestaña Biblioteca.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Quién puede conectarse</translation>
    </message>
    <message>
        <source>Phones, TVs and computers on my home network</source>
        <translation>Teléfonos, televisores y ordenadores de mi red doméstica</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Let TVs and speakers find the library by DLNA (they need no password)</source>
        <translation>Dejar que televisores y altavoces encuentren la biblioteca por DLNA (sin contraseña)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Iniciar Cairn al iniciar sesión</translation>
    </message>
    <message>
        <source>Cairn is ready</source>
        <translation>Cairn está listo</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Open this address on a phone, a TV or another computer at home, or scan the code:</source>
        <translation>Abra esta dirección en un teléfono, un televisor u otro ordenador de casa, o escanee el código:</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer:</source>
        <translation>Abra esta dirección en un navegador de este equipo:</translation>
    </message>
</context>
<context>
    <name>cairn::LibraryTab</name>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Volver a explorar</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Carpetas de la biblioteca</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Añadiendo %1…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Quitando %1…</translation>
    </message>
    <message>
        <source>Could not add %1 to the library.</source>
        <translation>No se pudo añadir %1 a la biblioteca.</translation>
    </message>
    <message>
        <source>Could not remove the folder from the library.</source>
        <translation>No se pudo quitar la carpeta de la biblioteca.</translation>
    </message>
    <message>
        <source>Files that could not be read (%1)</source>
        <translation>Archivos que no se pudieron leer (%1)</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>Añadir una carpeta a la biblioteca</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Quitar carpeta</translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its tracks leave the catalog; the files on disk are not touched.</source>
        <translation>¿Quitar %1 de la biblioteca? Sus pistas salen del catálogo; los archivos del disco no se tocan.</translation>
    </message>
</context>
<context>
    <name>cairn::LogTableModel</name>
    <message>
        <source>debug</source>
        <translation>depuración</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>cairn::LoginStart</name>
    <message>
        <source>Cannot change %1.</source>
        <translation>No se puede cambiar %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>No se puede quitar %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>No se puede crear la carpeta de %1.</translation>
    </message>
    <message>
        <source>Starts the Cairn media server in the tray</source>
        <translation>Inicia el servidor multimedia Cairn en la bandeja del sistema</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>cairn::LogsTab</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Información y superior</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avisos y errores</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Buscar en el registro</translation>
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
        <translation>Biblioteca</translation>
    </message>
</context>
<context>
    <name>cairn::OptimisedTab</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Optimised versions are made ahead of time, one at a time at low priority, and pause while someone watches a live transcode. Administrators ask for them in the web app, for a video or a whole library folder.</source>
        <translation>Las versiones optimizadas se preparan de antemano, una a una con prioridad baja, y se pausan mientras alguien ve una transcodificación en directo. Los administradores las piden en la aplicación web, para un vídeo o una carpeta entera de la biblioteca.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Paused while someone watches</source>
        <translation>En pausa mientras alguien mira</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Outdated: the video file changed</source>
        <translation>Obsoleta: el archivo de vídeo cambió</translation>
    </message>
    <message>
        <source>%1 of %2 used by optimised versions</source>
        <translation>%1 de %2 ocupados por las versiones optimizadas</translation>
    </message>
    <message>
        <source>%1 of %2 segments</source>
        <translation>%1 de %2 segmentos</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>cairn::PresetEditorPane</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>«%1» eliminado.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTab</name>
    <message>
        <source>Transcoding presets</source>
        <translation>Perfiles de transcodificación</translation>
    </message>
    <message>
        <source>Try the preset</source>
        <translation>Probar el perfil</translation>
    </message>
    <message>
        <source>Try %1 seconds</source>
        <translation>Probar %1 segundos</translation>
    </message>
    <message>
        <source>Transcode cache</source>
        <translation>Caché de transcodificación</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Tamaño máximo</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation>
            <numerusform>%1 en %n archivo</numerusform>
            <numerusform>%1 en %n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a track to try the preset on.</source>
        <translation>Elija una pista para probar el perfil.</translation>
    </message>
    <message>
        <source>Transcoding…</source>
        <translation>Transcodificando…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>%1 for %2 s: %3 kbit/s</source>
        <translation>%1 durante %2 s: %3 kbit/s</translation>
    </message>
    <message>
        <source>Video (HLS) presets</source>
        <translation>Perfiles de vídeo (HLS)</translation>
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
        <translation>como la fuente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Tasa de bits</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Frecuencia de muestreo</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>Permitido: %1</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Edit the new preset, then save it.</source>
        <translation>Edite el nuevo perfil y luego guárdelo.</translation>
    </message>
</context>
<context>
    <name>cairn::PresetsTabTrial</name>
    <message>
        <source>Cannot write the trial file: %1</source>
        <translation>No se puede escribir el archivo de prueba: %1</translation>
    </message>
</context>
<context>
    <name>cairn::ScanErrorList</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
</context>
<context>
    <name>cairn::ScanStatusPanel</name>
    <message>
        <source>Looking for files…</source>
        <translation>Buscando archivos…</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Explorando</translation>
    </message>
    <message>
        <source>Last scan: %1 added, %2 updated, %3 removed, %4 errors</source>
        <translation>Última exploración: %1 añadidas, %2 actualizadas, %3 quitadas, %4 errores</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n pista</numerusform>
            <numerusform>%n pistas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln files</source>
        <translation>
            <numerusform>%L1 de %Ln archivo</numerusform>
            <numerusform>%L1 de %Ln archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files/s</source>
        <translation>
            <numerusform>%Ln archivo/s</numerusform>
            <numerusform>%Ln archivos/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln s left</source>
        <translation>
            <numerusform>queda alrededor de %Ln s</numerusform>
            <numerusform>quedan alrededor de %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min left</source>
        <translation>
            <numerusform>queda alrededor de %Ln min</numerusform>
            <numerusform>quedan alrededor de %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln h left</source>
        <translation>
            <numerusform>queda alrededor de %Ln h</numerusform>
            <numerusform>quedan alrededor de %Ln h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cairn::ServerStatusWidget</name>
    <message>
        <source>Server stopped</source>
        <translation>Servidor detenido</translation>
    </message>
    <message>
        <source>Server paused</source>
        <translation>Servidor en pausa</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>Servidor en marcha</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>puerto %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>on the LAN: %1</source>
        <translation>en la red local: %1</translation>
    </message>
</context>
<context>
    <name>cairn::SettingsDialog</name>
    <message>
        <source>Cairn settings</source>
        <translation>Configuración de Cairn</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Transmisión</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>* takes effect when Cairn starts again.</source>
        <translation>* se aplica cuando Cairn se inicie de nuevo.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Who may connect:</source>
        <translation>Quién puede conectarse:</translation>
    </message>
    <message>
        <source>Devices on the home network</source>
        <translation>Los dispositivos de la red doméstica</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>HTTPS certificate (PEM):</source>
        <translation>Certificado HTTPS (PEM):</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>HTTPS private key (PEM):</source>
        <translation>Clave privada HTTPS (PEM):</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Test certificate</source>
        <translation>Probar el certificado</translation>
    </message>
    <message>
        <source>Web origins allowed to call the API (CORS):</source>
        <translation>Orígenes web que pueden llamar a la API (CORS):</translation>
    </message>
    <message>
        <source>none; e.g. https://player.example, or * for any</source>
        <translation>ninguno; p. ej. https://player.example, o * para todos</translation>
    </message>
    <message>
        <source>Trusted reverse proxies:</source>
        <translation>Proxies inversos de confianza:</translation>
    </message>
    <message>
        <source>none; e.g. 10.0.0.0/8, ::1</source>
        <translation>ninguno; p. ej. 10.0.0.0/8, ::1</translation>
    </message>
    <message>
        <source>Close idle connections after:</source>
        <translation>Cerrar las conexiones inactivas tras:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request must arrive within:</source>
        <translation>Una petición debe llegar en menos de:</translation>
    </message>
    <message>
        <source>FFmpeg processes at once:</source>
        <translation>Procesos FFmpeg simultáneos:</translation>
    </message>
    <message>
        <source>one per processor core</source>
        <translation>uno por núcleo de procesador</translation>
    </message>
    <message>
        <source>FFmpeg jobs that may wait:</source>
        <translation>Trabajos de FFmpeg que pueden esperar:</translation>
    </message>
    <message>
        <source>Longest wait for FFmpeg:</source>
        <translation>Espera máxima de FFmpeg:</translation>
    </message>
    <message>
        <source>Largest upload:</source>
        <translation>Subida más grande:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>no uploads</source>
        <translation>sin subidas</translation>
    </message>
    <message>
        <source>Prometheus metrics (/metrics) without signing in</source>
        <translation>Métricas de Prometheus (/metrics) sin iniciar sesión</translation>
    </message>
    <message>
        <source>Stream limits and bandwidth caps are on the Activity tab.</source>
        <translation>Los límites de transmisiones y de ancho de banda están en la pestaña Actividad.</translation>
    </message>
    <message>
        <source>Transcode cache:</source>
        <translation>Caché de transcodificación:</translation>
    </message>
    <message>
        <source>no cache</source>
        <translation>sin caché</translation>
    </message>
    <message>
        <source>Optimised versions:</source>
        <translation>Versiones optimizadas:</translation>
    </message>
    <message>
        <source>Artwork cache:</source>
        <translation>Caché de carátulas:</translation>
    </message>
    <message>
        <source>Video thumbnail cache:</source>
        <translation>Caché de miniaturas de vídeo:</translation>
    </message>
    <message>
        <source>Subtitle cache:</source>
        <translation>Caché de subtítulos:</translation>
    </message>
    <message>
        <source>The catalog, the settings and every cache live in %1 (caches in its &quot;cache&quot; folder, optimised versions in &quot;optimised&quot;). Another place: start Cairn with --data-dir.</source>
        <translation>El catálogo, la configuración y todas las cachés están en %1 (las cachés en su carpeta «cache», las versiones optimizadas en «optimised»). Para otro lugar, inicie Cairn con --data-dir.</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>FFmpeg program:</source>
        <translation>Programa FFmpeg:</translation>
    </message>
    <message>
        <source>Check FFmpeg</source>
        <translation>Comprobar FFmpeg</translation>
    </message>
    <message>
        <source>HLS segment length:</source>
        <translation>Duración de los segmentos HLS:</translation>
    </message>
    <message>
        <source>HLS segments:</source>
        <translation>Segmentos HLS:</translation>
    </message>
    <message>
        <source>fragmented MP4 (CMAF; also DASH)</source>
        <translation>MP4 fragmentado (CMAF; también DASH)</translation>
    </message>
    <message>
        <source>MPEG-TS (old players)</source>
        <translation>MPEG-TS (reproductores antiguos)</translation>
    </message>
    <message>
        <source>x264 speed (slower: smaller, fewer sessions):</source>
        <translation>Velocidad de x264 (más lento: más pequeño, menos sesiones):</translation>
    </message>
    <message>
        <source>Segments made ahead of the player:</source>
        <translation>Segmentos preparados por adelantado:</translation>
    </message>
    <message>
        <source>Stop FFmpeg after no request for:</source>
        <translation>Detener FFmpeg sin peticiones durante:</translation>
    </message>
    <message>
        <source>End a silent HLS session after:</source>
        <translation>Terminar una sesión HLS inactiva tras:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automático (idioma del sistema)</translation>
    </message>
    <message>
        <source>Start Cairn when I log in</source>
        <translation>Iniciar Cairn al iniciar sesión</translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window</source>
        <translation>Iniciar en la bandeja, sin abrir la ventana</translation>
    </message>
    <message>
        <source>Finished streams kept:</source>
        <translation>Transmisiones terminadas guardadas:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Keep finished streams for:</source>
        <translation>Guardar las transmisiones terminadas durante:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web origin such as https://player.example (scheme and host, no path), nor *.</source>
        <translation>«%1» no es un origen web como https://player.example (esquema y host, sin ruta), ni *.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or a subnet such as 10.0.0.0/8.</source>
        <translation>«%1» no es una dirección ni una subred como 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key (or neither, for plain HTTP).</source>
        <translation>HTTPS necesita un certificado y su clave privada (o ninguno, para HTTP simple).</translation>
    </message>
    <message>
        <source>Cannot use the HTTPS certificate: %1</source>
        <translation>No se puede usar el certificado HTTPS: %1</translation>
    </message>
    <message>
        <source>%1 is not a program Cairn can run.</source>
        <translation>%1 no es un programa que Cairn pueda ejecutar.</translation>
    </message>
    <message>
        <source>There is no program &quot;%1&quot; on the PATH.</source>
        <translation>No hay ningún programa «%1» en el PATH.</translation>
    </message>
    <message>
        <source>Choose a certificate and its key first.</source>
        <translation>Elija primero un certificado y su clave.</translation>
    </message>
    <message>
        <source>Usable: %1, valid until %2.</source>
        <translation>Utilizable: %1, válido hasta el %2.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>This is not FFmpeg: %1</source>
        <translation>Esto no es FFmpeg: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>Cannot start it: %1</source>
        <translation>No se puede iniciar: %1</translation>
    </message>
    <message>
        <source>Notify when a device starts streaming for the first time</source>
        <translation>Avisar cuando un dispositivo transmita por primera vez</translation>
    </message>
</context>
<context>
    <name>cairn::StreamHistoryPanel</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Recent streams</source>
        <translation>Transmisiones recientes</translation>
    </message>
    <message>
        <source>Most played</source>
        <translation>Más reproducidas</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n play(s)</source>
        <translation>
            <numerusform>%1 — %n reproducción</numerusform>
            <numerusform>%1 — %n reproducciones</numerusform>
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
        <translation>Aplicar límites</translation>
    </message>
    <message>
        <source>Streams at once:</source>
        <translation>Transmisiones simultáneas:</translation>
    </message>
    <message>
        <source>Streams per user:</source>
        <translation>Transmisiones por usuario:</translation>
    </message>
    <message>
        <source>Total bandwidth:</source>
        <translation>Ancho de banda total:</translation>
    </message>
    <message>
        <source>Bandwidth per stream:</source>
        <translation>Ancho de banda por transmisión:</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> por segundo</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> a la vez</translation>
    </message>
    <message>
        <source>API requests from one address (this computer is not counted); media requests may be four times as many</source>
        <translation>Peticiones a la API desde una dirección (este equipo no cuenta); las peticiones de medios pueden ser cuatro veces más</translation>
    </message>
    <message>
        <source>Beyond this, a user&apos;s video paused longest makes room, or the new one is refused</source>
        <translation>Por encima de esto, el vídeo de un usuario que lleva más tiempo en pausa deja sitio, o se rechaza el nuevo</translation>
    </message>
    <message>
        <source>Videos per user:</source>
        <translation>Vídeos por usuario:</translation>
    </message>
    <message>
        <source>Requests per address:</source>
        <translation>Peticiones por dirección:</translation>
    </message>
    <message>
        <source>Request burst:</source>
        <translation>Ráfaga de peticiones:</translation>
    </message>
</context>
<context>
    <name>cairn::TrayIcon</name>
    <message>
        <source>Open Cairn</source>
        <translation>Abrir Cairn</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Resume server</source>
        <translation>Reanudar el servidor</translation>
    </message>
    <message>
        <source>Pause server</source>
        <translation>Pausar el servidor</translation>
    </message>
    <message>
        <source>Cairn — %1 (paused)</source>
        <translation>Cairn — %1 (en pausa)</translation>
    </message>
    <message>
        <source>Cairn — %1</source>
        <translation>Cairn — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active stream(s)</source>
        <translation>
            <numerusform>%n transmisión activa</numerusform>
            <numerusform>%n transmisiones activas</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>On the LAN: %1</source>
        <translation>En la red local: %1</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Scan finished: %1 added, %2 updated, %3 removed.</source>
        <translation>Exploración terminada: %1 añadidas, %2 actualizadas, %3 quitadas.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>No se pudo leer %n archivo.</numerusform>
            <numerusform>No se pudieron leer %n archivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <source>A new device started streaming: %1.</source>
        <translation>Un dispositivo nuevo empezó una transmisión: %1.</translation>
    </message>
    <message>
        <source>%1 started streaming from a new device: %2.</source>
        <translation>%1 empezó una transmisión desde un dispositivo nuevo: %2.</translation>
    </message>
</context>
<context>
    <name>cairn::UserEditDialog</name>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Editar usuario</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>al menos %1 caracteres</translation>
    </message>
    <message>
        <source>leave empty to keep the current password</source>
        <translation>déjelo vacío para conservar la contraseña actual</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitada</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Maximum bitrate:</source>
        <translation>Tasa de bits máxima:</translation>
    </message>
    <message>
        <source>Folders this user may see:</source>
        <translation>Carpetas que este usuario puede ver:</translation>
    </message>
    <message>
        <source>May upload media files</source>
        <translation>Puede subir archivos multimedia</translation>
    </message>
    <message>
        <source>Into the folders this user may see. Administrators always may.</source>
        <translation>A las carpetas que este usuario puede ver. Los administradores siempre pueden.</translation>
    </message>
</context>
<context>
    <name>cairn::UsersTab</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit / reset password…</source>
        <translation>Editar / restablecer contraseña…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Eliminar usuario</translation>
    </message>
    <message>
        <source>Delete the user %1? Their sessions end at once.</source>
        <translation>¿Eliminar al usuario %1? Sus sesiones terminan de inmediato.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Max bitrate</source>
        <translation>Tasa máx.</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitada</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>App passwords…</source>
        <translation>Contraseñas de aplicación…</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Cerrar sesión en todas partes</translation>
    </message>
    <message>
        <source>Sign %1 out on every device? Their log-ins, streams and shared stream links end at once; app passwords keep working.</source>
        <translation>¿Cerrar la sesión de %1 en todos los dispositivos? Sus inicios de sesión, transmisiones y enlaces de transmisión compartidos terminan de inmediato; las contraseñas de aplicación siguen funcionando.</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere.</source>
        <translation>La sesión de %1 se ha cerrado en todas partes.</translation>
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
        <translation>Permitido: un número par de %1 a %2</translation>
    </message>
    <message>
        <source> kbit/s</source>
        <translation> kbit/s</translation>
    </message>
    <message>
        <source>H.264. Allowed: %1 to %2</source>
        <translation>H.264. Permitido: %1 a %2</translation>
    </message>
    <message>
        <source>AAC. Allowed: %1 to %2</source>
        <translation>AAC. Permitido: %1 a %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Anchura</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <source>Video bitrate</source>
        <translation>Tasa de bits de vídeo</translation>
    </message>
    <message>
        <source>Audio bitrate</source>
        <translation>Tasa de bits de audio</translation>
    </message>
    <message>
        <source>New video preset</source>
        <translation>Nuevo perfil de vídeo</translation>
    </message>
    <message>
        <source>Edit the new video preset, then save it.</source>
        <translation>Edite el nuevo perfil de vídeo y luego guárdelo.</translation>
    </message>
    <message>
        <source>%1×%2, video %3 kbit/s, audio %4 kbit/s</source>
        <translation>%1×%2, vídeo %3 kbit/s, audio %4 kbit/s</translation>
    </message>
</context>
<context>
    <name>cairn::dlna</name>
    <message>
        <source>Cairn on %1</source>
        <translation>Cairn en %1</translation>
    </message>
</context>
</TS>
