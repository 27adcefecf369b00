# Packages: DEB + TGZ on Linux, NSIS + ZIP on Windows, a DMG on macOS.
# Included from the top-level CMakeLists.txt after every install() rule is known.
set(CPACK_PACKAGE_NAME "cairn")
set(CPACK_PACKAGE_VENDOR "Cairn")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}: stream your music and videos to your devices")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Cairn scans music and video folders, keeps a catalog of them and streams them over HTTP to "
    "browsers and players on the local network. It runs as a desktop application with a tray icon "
    "or headless as a system service.")
set(CPACK_PACKAGE_CONTACT "Cairn maintainers <maintainers@cairn.invalid>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Cairn")
set(CPACK_PACKAGE_EXECUTABLES "cairn" "Cairn")
set(CPACK_STRIP_FILES ON)
if(EXISTS ${CMAKE_SOURCE_DIR}/LICENSE)
    set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
endif()

set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "\\\\.swp$")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "Cairn")
    set(CPACK_NSIS_PACKAGE_NAME "Cairn ${PROJECT_VERSION}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\cairn.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    # The installer's and uninstaller's own icons; the Start menu entry and "Apps" list take
    # the executable's (installer/windows/cairn.rc).
    set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/resources/icons/cairn.ico")
    set(CPACK_NSIS_MUI_UNIICON "${CMAKE_SOURCE_DIR}/resources/icons/cairn.ico")
    set(CPACK_NSIS_URL_INFO_ABOUT "https://cairn.invalid")
    # No file associations: Cairn opens no single media file (players do); it serves folders.
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Cairn")
    set(CPACK_DMG_FORMAT "UDZO")
    # The disk image's volume icon; the app's own comes from its bundle (app/CMakeLists.txt).
    set(CPACK_PACKAGE_ICON "${CMAKE_SOURCE_DIR}/resources/icons/cairn.icns")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "video")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://cairn.invalid")
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
    # Every shared library the executable and the desktop module link (Qt's modules, TagLib,
    # FFmpeg's libraries, libsodium…) comes from dpkg-shlibdeps. Listed by hand (Debian 12
    # names): what is loaded at run time, which no scan of the binaries can find — the SQLite
    # driver, the platform plugins, the ffmpeg CLI — and the maintainer scripts' adduser.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    string(CONCAT CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6sql6-sqlite (>= 6.4.2), qt6-qpa-plugins (>= 6.4.2), ffmpeg, adduser")
    # Qt's own strings (OK, Cancel, Close in dialogs) in the user's language; Cairn's are embedded.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    # Qt's PostgreSQL driver, for a catalog/url naming a PostgreSQL database (SQLite is the default).
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql (>= 6.4.2)")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
        ${CMAKE_SOURCE_DIR}/installer/linux/debian/postinst
        ${CMAKE_SOURCE_DIR}/installer/linux/debian/prerm
        ${CMAKE_SOURCE_DIR}/installer/linux/debian/postrm)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
endif()

include(CPack)
