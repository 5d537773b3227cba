; Inno Setup 6.3+ script of Bluebook Desktop (绩效目标责任书填报): a per-user installer.
;
; PrivilegesRequired=lowest: installs into %LOCALAPPDATA%\Programs\BluebookDesktop for the
; current user only, writes only under HKEY_CURRENT_USER, and never asks for elevation.
; The uninstaller removes the program's own files only: the clerk's data (database, backups,
; logs in %LOCALAPPDATA%\BluebookDesktop) and settings (HKCU\Software\BluebookDesktop) stay.
;
; packaging/build.py compiles it after the frozen build:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DBundleDir=...\dist\bluebook
;        /DOutputDir=...\dist /DIconFile=...\resources\icons\bluebook.ico packaging\bluebook.iss
;
; Chinese texts: the wizard pages this installer shows are translated in [Messages] below.
; A ChineseSimplified.isl (Inno Setup's unofficial translations) placed beside this file is
; used too, for the rarer messages; the Windows CI workflow fetches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\bluebook"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\resources\icons\bluebook.ico"
#endif
#ifndef InstallRoot
  ; {userpf} is %LOCALAPPDATA%\Programs. Wine 8 lacks that folder (FOLDERID_UserProgramFiles):
  ; packaging/windows_under_wine.py passes /DInstallRoot={localappdata}\Programs.
  #define InstallRoot "{userpf}"
#endif
#define AppDisplayName "绩效目标责任书填报"
#define ProgId "BluebookDesktop.Book"

[Setup]
; A fixed AppId: every version upgrades the same installation. Never change it.
AppId={{D27E5606-0483-4D7A-9766-856C169578C0}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher=BluebookDesktop
VersionInfoVersion={#AppVersionNumeric}
VersionInfoDescription={#AppDisplayName} 安装程序
PrivilegesRequired=lowest
DefaultDirName={#InstallRoot}\BluebookDesktop
DisableDirPage=yes
DisableProgramGroupPage=yes
DisableWelcomePage=yes
DisableReadyPage=yes
UninstallDisplayName={#AppDisplayName}
UninstallDisplayIcon={app}\bluebook.exe
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=bluebook-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimp"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"
#else
Name: "chinesesimp"; MessagesFile: "compiler:Default.isl"
#endif

[LangOptions]
LanguageName=简体中文
LanguageID=$0804

[Messages]
SetupAppTitle=安装
SetupWindowTitle=安装 - %1
UninstallAppTitle=卸载
UninstallAppFullTitle=卸载 %1
InformationTitle=提示
ConfirmTitle=确认
ErrorTitle=错误
SetupAlreadyRunning=安装程序已经在运行。
WindowsVersionNotSupported=本程序不支持这台电脑的 Windows 版本，需要 Windows 10 或更新版本。
WinVersionTooLowError=本程序需要 %1 %2 或更新版本。
OnlyOnTheseArchitectures=本程序只能安装在以下处理器架构的 Windows 上：%n%n%1
SetupAppRunningError=“%1”正在运行。%n%n请先关闭它，再点“确定”继续；点“取消”退出安装。
UninstallAppRunningError=“%1”正在运行。%n%n请先关闭它，再点“确定”继续；点“取消”退出卸载。
ErrorCreatingDir=无法创建文件夹“%1”
ExitSetupTitle=退出安装
ExitSetupMessage=安装还没有完成。现在退出，程序不会被安装。%n%n以后可以重新运行安装程序完成安装。%n%n确定退出吗？
ButtonBack=< 上一步(&B)
ButtonNext=下一步(&N) >
ButtonInstall=安装(&I)
ButtonOK=确定
ButtonCancel=取消
ButtonYes=是(&Y)
ButtonYesToAll=全部是(&A)
ButtonNo=否(&N)
ButtonNoToAll=全部否(&O)
ButtonFinish=完成(&F)
ButtonBrowse=浏览(&B)...
ButtonWizardBrowse=浏览(&R)...
ClickNext=点“下一步”继续，点“取消”退出安装。
WizardSelectTasks=选择附加任务
SelectTasksDesc=安装时还要做哪些事？
SelectTasksLabel2=选择安装 [name] 时要做的附加任务，然后点“安装”。
WizardPreparing=准备安装
PreparingDesc=正在准备把 [name] 安装到这台电脑。
CannotContinue=安装无法继续。请点“取消”退出。
ApplicationsFound=下列程序正在使用需要更新的文件，建议让安装程序自动关闭它们。
ApplicationsFound2=下列程序正在使用需要更新的文件，建议让安装程序自动关闭它们；安装完成后会尝试重新打开。
CloseApplications=自动关闭这些程序(&A)
DontCloseApplications=不关闭(&D)
ErrorCloseApplications=安装程序无法自动关闭所有程序。请先关闭正在使用这些文件的程序，再继续安装。
WizardInstalling=正在安装
InstallingLabel=正在把 [name] 安装到这台电脑，请稍候。
FinishedHeadingLabel=[name] 安装完成
FinishedLabelNoIcons=[name] 已安装到这台电脑。
FinishedLabel=[name] 已安装到这台电脑，可以从“开始”菜单打开。
ClickFinish=点“完成”退出安装。
RunEntryExec=打开 %1
StatusClosingApplications=正在关闭程序...
StatusCreateDirs=正在创建文件夹...
StatusExtractFiles=正在复制文件...
StatusCreateIcons=正在创建快捷方式...
StatusCreateRegistryEntries=正在登记文件关联...
StatusSavingUninstall=正在保存卸载信息...
StatusRunProgram=正在完成安装...
StatusRollback=正在撤销更改...
SetupAborted=安装没有完成。%n%n请解决问题后重新运行安装程序。
ErrorInternal2=内部错误：%1
ErrorCopying=复制下列文件时出错：
ErrorReplacingExistingFile=替换现有文件时出错：
ConfirmUninstall=确定要从这台电脑上移除 %1 吗？%n%n已填写的蓝皮书数据不会被删除。
UninstallStatusLabel=正在从这台电脑上移除 %1，请稍候。
UninstalledAll=已从这台电脑上移除 %1。%n%n填写的数据（数据库、备份和日志）仍保留在用户文件夹 AppData\Local\BluebookDesktop 中；不再需要时可以手动删除。
UninstalledMost=%1 已卸载。%n%n有些内容未能删除，可以手动删除。填写的数据仍保留在用户文件夹 AppData\Local\BluebookDesktop 中。
WizardUninstalling=卸载
StatusUninstalling=正在卸载 %1...

[CustomMessages]
NameAndVersion=%1 版本 %2
AdditionalIcons=快捷方式：
CreateDesktopIcon=在桌面上创建快捷方式(&D)
LaunchProgram=打开 %1
UninstallProgram=卸载 %1
AssocTask=在蓝皮书文件（.bluebook.json）的“打开方式”中加入本程序(&A)
AssocGroup=文件：
BookTypeName=绩效目标责任书

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "assoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; An upgrade replaces the libraries as a whole: no stale file of the old version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; portable.txt and data\ belong to a portable copy (a USB stick), never to an installation.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\data"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\bluebook.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\bluebook.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Per-user file association (HKA = HKEY_CURRENT_USER in a per-user install). Explorer goes by
; the last extension (.json), so the program is offered in the "Open with" list of .json files
; rather than taking .json over from whatever opens it now.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BookTypeName}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\bluebook.exe,0"; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\bluebook.exe"" ""%1"""; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\.bluebook.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\Applications\bluebook.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppDisplayName}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\Applications\bluebook.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Tasks: assoc

[Run]
Filename: "{app}\bluebook.exe"; Description: "{cm:LaunchProgram,{#AppDisplayName}}"; Flags: nowait postinstall skipifsilent
