/* A stand-in for Windows.UI.ViewManagement.UISettings, for running the program under Wine.
 *
 * Qt's `windows` platform asks WinRT's UISettings for the system colours at start-up
 * (IUISettings3::GetColorValue) and listens for their change (ColorValuesChanged). Wine 8
 * has no such class: RoGetActivationFactory fails, C++/WinRT throws, and the process ends.
 * Registered under HKLM\Software\Microsoft\WindowsRuntime\ActivatableClassId\
 * Windows.UI.ViewManagement.UISettings (DllPath, ActivationType 0), this DLL hands out one
 * object that answers every interface: slot 6 gives the light theme's colours, slots 7 and
 * 8 accept and drop the change handler, any other method says E_NOTIMPL.
 *
 * Built by packaging/windows_under_wine.py:
 *   x86_64-w64-mingw32-gcc -shared -nostdlib -o uisettings.dll uisettings.c -Wl,--entry=DllMain
 * It is a test tool: it never ships with the program.
 */
#include <windows.h>

typedef struct Object {
    void **vtable;
} Object;

typedef struct Color {
    BYTE a, r, g, b;
} Color;

enum { SLOTS = 64 };
static void *factory_vtable[SLOTS];
static void *settings_vtable[SLOTS];
static Object factory = {factory_vtable};
static Object settings = {settings_vtable};

static HRESULT WINAPI query_interface(Object *self, REFIID iid, void **out)
{
    (void)iid;
    *out = self;
    return S_OK;
}

static ULONG WINAPI add_ref(Object *self) { (void)self; return 2; }
static ULONG WINAPI release(Object *self) { (void)self; return 1; }

static HRESULT WINAPI get_iids(Object *self, ULONG *count, IID **iids)
{
    (void)self;
    *count = 0;
    *iids = NULL;
    return S_OK;
}

static HRESULT WINAPI get_runtime_class_name(Object *self, void **name)
{
    (void)self;
    *name = NULL; /* the empty HSTRING */
    return S_OK;
}

static HRESULT WINAPI get_trust_level(Object *self, int *level)
{
    (void)self;
    *level = 0; /* BaseTrust */
    return S_OK;
}

static HRESULT WINAPI not_implemented(Object *self) { (void)self; return E_NOTIMPL; }

/* IActivationFactory::ActivateInstance */
static HRESULT WINAPI activate_instance(Object *self, void **out)
{
    (void)self;
    *out = &settings;
    return S_OK;
}

/* IUISettings3::GetColorValue(UIColorType, Color*): Background 0, Foreground 1, accents 2-8. */
static HRESULT WINAPI get_color_value(Object *self, int type, Color *out)
{
    (void)self;
    out->a = 255;
    if (type == 0) {
        out->r = out->g = out->b = 255;
    } else if (type == 1) {
        out->r = out->g = out->b = 0;
    } else {
        out->r = 0; out->g = 120; out->b = 215; /* Windows' default blue accent */
    }
    return S_OK;
}

static HRESULT WINAPI add_color_values_changed(Object *self, void *handler, INT64 *token)
{
    (void)self; (void)handler;
    *token = 1;
    return S_OK;
}

static HRESULT WINAPI remove_color_values_changed(Object *self, INT64 token)
{
    (void)self; (void)token;
    return S_OK;
}

static void fill(void **vtable)
{
    int i;
    for (i = 0; i < SLOTS; i++)
        vtable[i] = (void *)not_implemented;
    vtable[0] = (void *)query_interface;
    vtable[1] = (void *)add_ref;
    vtable[2] = (void *)release;
    vtable[3] = (void *)get_iids;
    vtable[4] = (void *)get_runtime_class_name;
    vtable[5] = (void *)get_trust_level;
}

__declspec(dllexport) HRESULT WINAPI DllGetActivationFactory(void *class_id, void **out)
{
    (void)class_id;
    fill(factory_vtable);
    factory_vtable[6] = (void *)activate_instance;
    fill(settings_vtable);
    settings_vtable[6] = (void *)get_color_value;
    settings_vtable[7] = (void *)add_color_values_changed;
    settings_vtable[8] = (void *)remove_color_values_changed;
    *out = &factory;
    return S_OK;
}

__declspec(dllexport) HRESULT WINAPI DllCanUnloadNow(void) { return S_FALSE; }

BOOL WINAPI DllMain(HINSTANCE module, DWORD reason, void *reserved)
{
    (void)module; (void)reason; (void)reserved;
    return TRUE;
}
