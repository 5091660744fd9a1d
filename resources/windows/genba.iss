; Inno Setup script for Genba (Inno Setup 6). Build on Windows after `pyinstaller installer.spec`:
;   iscc /DAppVersion=0.1.0 resources\windows\genba.iss      -> dist\GenbaSetup-0.1.0.exe
;
; Per-user, no admin rights: installs to %LOCALAPPDATA%\Programs\Genba.
; Silent install with presets (written to %LOCALAPPDATA%\Genba\preset.toml — defaults the rep may
; change; to lock values use the policy registry key or %ProgramData%\Genba\config.toml instead):
;   GenbaSetup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;       /SERVER=https://genba.example.co.jp /REPORTS="%USERPROFILE%\Documents\日報"
;       /CARDS="%USERPROFILE%\Documents\名刺" /AUTOSTART=1
; Uninstall keeps the rep's data (%LOCALAPPDATA%\Genba): only the program folder is removed.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7B0E5C1A-3D2F-4E8B-9A61-5C4D3B2A1F00}
AppName=Genba
AppVersion={#AppVersion}
AppPublisher=Genba
DefaultDirName={localappdata}\Programs\Genba
DefaultGroupName=Genba
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=GenbaSetup-{#AppVersion}
SetupIconFile=..\genba.ico
UninstallDisplayIcon={app}\genbaw.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

; The voice component (speech engine, ~265 MB) is optional: only reps who record voice memos need
; it. Without [Types], Inno Setup offers its default types: full (with it), compact and custom.
; Silent: /COMPONENTS="main,voice" (or /TYPE=full) adds it; `iscc` needs dist\genba-voice only then
; (skipifsourcedoesntexist keeps an app-only build working).
[Components]
Name: "main"; Description: "Genba"; Types: full compact custom; Flags: fixed
Name: "voice"; Description: "音声メモの文字起こし（音声認識コンポーネント、約 265 MB） / Voice memo transcription"; Types: full

[Tasks]
Name: "autostart"; Description: "Windows の起動時に Genba を開始する (Start Genba at sign-in)"; Check: not HasParam('AUTOSTART')

[Files]
Source: "..\..\dist\genba\*"; DestDir: "{app}"; Components: main; Flags: ignoreversion recursesubdirs createallsubdirs
; Genba looks for the component in {app}\genba-voice (importers/voice/external.py).
Source: "..\..\dist\genba-voice\*"; DestDir: "{app}\genba-voice"; Components: voice; Flags: ignoreversion recursesubdirs createallsubdirs skipifsourcedoesntexist

[Icons]
Name: "{userprograms}\Genba"; Filename: "{app}\genbaw.exe"
Name: "{userdesktop}\Genba"; Filename: "{app}\genbaw.exe"; Check: not WizardSilent

[Registry]
; Start at sign-in: the windowed executable, per user (the app's own setting can turn it off).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Genba"; ValueData: """{app}\genbaw.exe"""; Flags: uninsdeletevalue; Check: WantAutostart

[Run]
Filename: "{app}\genbaw.exe"; Description: "Genba を起動する"; Flags: nowait postinstall skipifsilent

[Code]
function HasParam(Name: String): Boolean;
begin
  Result := ExpandConstant('{param:' + Name + '|}') <> '';
end;

function WantAutostart(): Boolean;
begin
  if HasParam('AUTOSTART') then
    Result := ExpandConstant('{param:AUTOSTART|0}') = '1'
  else
    Result := WizardIsTaskSelected('autostart');
end;

function TomlString(Value: String): String;
begin
  StringChangeEx(Value, '\', '\\', True);
  StringChangeEx(Value, '"', '\"', True);
  Result := '"' + Value + '"';
end;

procedure WritePresets();
var
  Lines: TArrayOfString;
  Count: Integer;
  Dir: String;
begin
  Count := 0;
  SetArrayLength(Lines, 4);
  if HasParam('SERVER') then begin
    Lines[Count] := 'server_url = ' + TomlString(ExpandConstant('{param:SERVER}')); Count := Count + 1;
  end;
  if HasParam('REPORTS') then begin
    Lines[Count] := 'report_folders = [' + TomlString(ExpandConstant('{param:REPORTS}')) + ']'; Count := Count + 1;
  end;
  if HasParam('CARDS') then begin
    Lines[Count] := 'card_folders = [' + TomlString(ExpandConstant('{param:CARDS}')) + ']'; Count := Count + 1;
  end;
  if HasParam('AUTOSTART') then begin
    if ExpandConstant('{param:AUTOSTART}') = '1' then
      Lines[Count] := 'start_at_login = true'
    else
      Lines[Count] := 'start_at_login = false';
    Count := Count + 1;
  end;
  if Count = 0 then Exit;
  SetArrayLength(Lines, Count);
  Dir := ExpandConstant('{localappdata}\Genba');
  ForceDirectories(Dir);
  SaveStringsToUTF8File(Dir + '\preset.toml', Lines, False);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then WritePresets();
end;
